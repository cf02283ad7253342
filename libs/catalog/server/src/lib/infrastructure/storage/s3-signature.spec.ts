import { s3ObjectUrl } from './s3-asset-storage';
import { amzDate, EMPTY_PAYLOAD_SHA256, sha256Hex, signS3Request } from './s3-signature';

// The example credentials and time of AWS's "Signature Calculations for the Authorization Header"
// page (Amazon S3 API reference, sig-v4-header-based-auth.html).
const EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
};
const EXAMPLE_DATE = new Date('2013-05-24T00:00:00Z');

describe('AWS Signature Version 4 for S3', () => {
  it("reproduces AWS's published GET Object example exactly", () => {
    // Virtual-hosted style, as in the example: examplebucket.s3.amazonaws.com/test.txt.
    const url = s3ObjectUrl(
      { endpoint: 'https://s3.amazonaws.com', bucket: 'examplebucket', forcePathStyle: false },
      'test.txt',
    );
    expect(url.href).toBe('https://examplebucket.s3.amazonaws.com/test.txt');
    const signed = signS3Request(
      {
        method: 'GET',
        url,
        headers: { Range: 'bytes=0-9' },
        payloadSha256: EMPTY_PAYLOAD_SHA256,
        date: EXAMPLE_DATE,
      },
      EXAMPLE,
    );
    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(signed.stringToSign).toBe(
      [
        'AWS4-HMAC-SHA256',
        '20130524T000000Z',
        '20130524/us-east-1/s3/aws4_request',
        '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
      ].join('\n'),
    );
    expect(signed.headers).toEqual({
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      range: 'bytes=0-9',
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-amz-date': '20130524T000000Z',
    });
  });

  it("reproduces AWS's published PUT Object example (a key with a character to encode)", () => {
    const body = 'Welcome to Amazon S3.';
    const url = s3ObjectUrl(
      { endpoint: 'https://s3.amazonaws.com', bucket: 'examplebucket', forcePathStyle: false },
      'test$file.text',
    );
    expect(url.pathname).toBe('/test%24file.text');
    const signed = signS3Request(
      {
        method: 'PUT',
        url,
        headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
        payloadSha256: sha256Hex(body),
        date: EXAMPLE_DATE,
      },
      EXAMPLE,
    );
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('formats the request time in the basic ISO 8601 form', () => {
    expect(amzDate(new Date('2027-03-01T12:34:56.789Z'))).toBe('20270301T123456Z');
  });

  it('signs the host with its port, and changes the signature with the secret', () => {
    const url = s3ObjectUrl(
      { endpoint: 'http://127.0.0.1:9000', bucket: 'assets', forcePathStyle: true },
      'org-1/asset-1',
    );
    expect(url.href).toBe('http://127.0.0.1:9000/assets/org-1/asset-1');
    const request = { method: 'HEAD', url, payloadSha256: EMPTY_PAYLOAD_SHA256, date: EXAMPLE_DATE };
    const signed = signS3Request(request, EXAMPLE);
    expect(signed.canonicalRequest).toContain('\nhost:127.0.0.1:9000\n');
    expect(signS3Request(request, { ...EXAMPLE, secretAccessKey: 'another' }).signature).not.toBe(
      signed.signature,
    );
  });

  it('keeps an endpoint path before the bucket or key', () => {
    const settings = { endpoint: 'https://storage.example/s3/', bucket: 'b', forcePathStyle: true };
    expect(s3ObjectUrl(settings, 'o/a').href).toBe('https://storage.example/s3/b/o/a');
    expect(s3ObjectUrl({ ...settings, forcePathStyle: false }, 'o/a').href).toBe(
      'https://b.storage.example/s3/o/a',
    );
  });
});
