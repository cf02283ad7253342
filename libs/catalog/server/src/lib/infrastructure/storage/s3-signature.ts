import { createHash, createHmac } from 'node:crypto';

/** SHA-256 of an empty payload, hex: what GET, HEAD and DELETE requests sign. */
export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The credentials and scope a request is signed with. */
export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  /** `s3` for S3 and S3-compatible stores. */
  readonly service?: string;
}

/** One request to sign: its URL holds the path exactly as it is sent (already percent-encoded). */
export interface S3RequestToSign {
  readonly method: string;
  readonly url: URL;
  /** Headers to send and sign besides `host`, `x-amz-date` and `x-amz-content-sha256`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body (`UNSIGNED-PAYLOAD` is allowed over HTTPS). */
  readonly payloadSha256: string;
  readonly date: Date;
}

/** Hex SHA-256 of a body. */
export function sha256Hex(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** `20130524T000000Z`: the ISO 8601 basic format SigV4 wants. */
export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** RFC 3986 percent-encoding, as SigV4 wants it (`encodeURIComponent` leaves `!'()*` alone). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams.entries()]
    .map(([name, value]) => [encodeRfc3986(name), encodeRfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** The parts of a signature, for tests and for diagnosing a SignatureDoesNotMatch. */
export interface S3Signature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  /** Every header to send, `authorization` included (`host` is set by the HTTP client from the URL). */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Signs a request with AWS Signature Version 4 in the Authorization header
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html). S3 does not
 * normalise paths, so the path is signed exactly as sent.
 */
export function signS3Request(request: S3RequestToSign, credentials: S3Credentials): S3Signature {
  const service = credentials.service ?? 's3';
  const timestamp = amzDate(request.date);
  const day = timestamp.slice(0, 8);
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    headers.set(name.toLowerCase(), value.trim().replace(/\s+/g, ' '));
  }
  headers.set('host', request.url.host);
  headers.set('x-amz-content-sha256', request.payloadSha256);
  headers.set('x-amz-date', timestamp);
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.url.pathname === '' ? '/' : request.url.pathname,
    canonicalQuery(request.url),
    names.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join(''),
    signedHeaders,
    request.payloadSha256,
  ].join('\n');
  const scope = `${day}/${credentials.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', timestamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), credentials.region), service),
    'aws4_request',
  );
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  const sent: Record<string, string> = {};
  for (const name of names) if (name !== 'host') sent[name] = headers.get(name) ?? '';
  sent['authorization'] =
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope},` +
    `SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, headers: sent };
}
