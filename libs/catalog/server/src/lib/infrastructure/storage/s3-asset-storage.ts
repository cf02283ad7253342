import { Readable } from 'node:stream';
import { type ReadableStream as WebReadableStream } from 'node:stream/web';
import {
  assertAssetKey,
  type AssetStorage,
  storageUnavailable,
  storedAssetNotFound,
} from './asset-storage.port';
import { EMPTY_PAYLOAD_SHA256, encodeRfc3986, sha256Hex, signS3Request } from './s3-signature';

/** Where and as whom the S3 adapter stores assets. */
export interface S3StorageSettings {
  /** `https://s3.eu-west-1.amazonaws.com`, or a MinIO/R2/… endpoint. */
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key` (stores without virtual-hosted buckets). */
  readonly forcePathStyle: boolean;
  /** How long to wait for a response's status line before giving up; 30 s by default. */
  readonly responseTimeoutMs?: number;
  /** The clock requests are signed with. */
  readonly now?: () => Date;
}

/** The default endpoint of a region on AWS. */
export function awsS3Endpoint(region: string): string {
  return `https://s3.${region}.amazonaws.com`;
}

/** The URL of an object: path-style or virtual-hosted, the key's segments percent-encoded once. */
export function s3ObjectUrl(
  settings: Pick<S3StorageSettings, 'endpoint' | 'bucket' | 'forcePathStyle'>,
  key: string,
): URL {
  const url = new URL(settings.endpoint);
  const base = url.pathname.replace(/\/+$/, '');
  const path = key.split('/').map(encodeRfc3986).join('/');
  if (settings.forcePathStyle) {
    url.pathname = `${base}/${encodeRfc3986(settings.bucket)}/${path}`;
  } else {
    url.hostname = `${settings.bucket}.${url.hostname}`;
    url.pathname = `${base}/${path}`;
  }
  return url;
}

// S3 errors are XML: <Error><Code>NoSuchBucket</Code><Message>…</Message></Error>.
async function describeFailure(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  return `S3 answered ${response.status}${code === undefined ? '' : ` ${code}`}`;
}

// fetch's types want bytes on an ArrayBuffer; a Buffer's memory is one (never shared), viewed without copying.
function bodyView(body: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
}

function bufferOf(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return Promise.resolve(body);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer | string) =>
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)),
    );
    body.once('end', () => resolve(Buffer.concat(chunks)));
    body.once('error', reject);
  });
}

/**
 * Assets in an S3 bucket (AWS or any S3-compatible store), over S3's REST API with Signature
 * Version 4: PUT, GET, HEAD and DELETE Object. A body is signed with its SHA-256, so it is held in
 * memory while it is sent (S3 wants its length up front anyway).
 */
export class S3AssetStorage implements AssetStorage {
  private readonly now: () => Date;
  private readonly timeoutMs: number;

  constructor(private readonly settings: S3StorageSettings) {
    this.now = settings.now ?? (() => new Date());
    this.timeoutMs = settings.responseTimeoutMs ?? 30_000;
  }

  async put(key: string, body: Buffer | Readable, contentType: string): Promise<void> {
    let bytes: Buffer;
    try {
      bytes = await bufferOf(body);
    } catch (error) {
      throw storageUnavailable('read the file to store', error);
    }
    const response = await this.send('PUT', key, 'store the file', {
      body: bytes,
      headers: { 'content-type': contentType },
    });
    if (!response.ok) throw storageUnavailable('store the file', new Error(await describeFailure(response)));
    await response.body?.cancel();
  }

  async get(key: string): Promise<Readable> {
    const response = await this.send('GET', key, 'read the file');
    if (response.status === 404) {
      await response.body?.cancel();
      throw storedAssetNotFound(key);
    }
    if (!response.ok || response.body === null) {
      throw storageUnavailable('read the file', new Error(await describeFailure(response)));
    }
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.send('HEAD', key, 'look the file up');
    await response.body?.cancel();
    if (response.status === 404) return false;
    if (!response.ok)
      throw storageUnavailable('look the file up', new Error(`S3 answered ${response.status}`));
    return true;
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key, 'delete the file');
    // Deleting what is not there succeeds on S3 (204); some compatible stores answer 404.
    if (!response.ok && response.status !== 404) {
      throw storageUnavailable('delete the file', new Error(await describeFailure(response)));
    }
    await response.body?.cancel();
  }

  private async send(
    method: 'PUT' | 'GET' | 'HEAD' | 'DELETE',
    key: string,
    action: string,
    options: { readonly body?: Buffer; readonly headers?: Readonly<Record<string, string>> } = {},
  ): Promise<Response> {
    assertAssetKey(key);
    const url = s3ObjectUrl(this.settings, key);
    const signed = signS3Request(
      {
        method,
        url,
        headers: options.headers,
        payloadSha256: options.body === undefined ? EMPTY_PAYLOAD_SHA256 : sha256Hex(options.body),
        date: this.now(),
      },
      this.settings,
    );
    const controller = new AbortController();
    // Bounds the wait for the status line only: a large object's body may take longer to stream.
    const timer = setTimeout(
      () => controller.abort(new Error(`no answer within ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    try {
      return await fetch(url, {
        method,
        headers: signed.headers,
        body: options.body === undefined ? undefined : bodyView(options.body),
        signal: controller.signal,
      });
    } catch (error) {
      throw storageUnavailable(action, error);
    } finally {
      clearTimeout(timer);
    }
  }
}
