import { randomBytes, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { S3AssetStorage, type S3StorageSettings } from './s3-asset-storage';

/**
 * The S3 adapter end to end against s3rver, an S3-compatible server on a local port: real HTTP,
 * S3's REST paths, status codes and XML errors. s3rver checks the shape of the SigV4 Authorization
 * header and its access key but not the signature itself; the signature is checked against AWS's
 * published examples in s3-signature.spec.ts.
 */
describe('S3AssetStorage against a local S3-compatible server (s3rver)', () => {
  const directory = join(tmpdir(), `bandstand-s3rver-${randomUUID()}`);
  let server: S3rver;
  let settings: S3StorageSettings;
  let storage: S3AssetStorage;

  beforeAll(async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: 'bandstand-assets', configs: [] }],
    });
    const { port } = await server.run();
    settings = {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'bandstand-assets',
      // s3rver's built-in account.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    };
    storage = new S3AssetStorage(settings);
  });

  afterAll(async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('puts, heads, gets and deletes an object', async () => {
    const content = randomBytes(256 * 1024);
    await storage.put('org-1/asset-1', content, 'audio/flac');
    expect(await storage.exists('org-1/asset-1')).toBe(true);
    expect((await buffer(await storage.get('org-1/asset-1'))).equals(content)).toBe(true);
    // Stored with its type: what a CDN in front of the bucket would serve.
    const head = await fetch(`${settings.endpoint}/bandstand-assets/org-1/asset-1`, { method: 'HEAD' });
    expect(head.headers.get('content-type')).toBe('audio/flac');
    await storage.delete('org-1/asset-1');
    expect(await storage.exists('org-1/asset-1')).toBe(false);
  });

  it('stores a stream body', async () => {
    await storage.put(
      'org-1/asset-2',
      Readable.from([Buffer.from('cover '), Buffer.from('art')]),
      'image/png',
    );
    expect((await buffer(await storage.get('org-1/asset-2'))).toString()).toBe('cover art');
  });

  it('answers a missing object with CATALOG.ASSET_NOT_FOUND, and deleting it is no error', async () => {
    await expect(storage.get('org-1/nothing')).rejects.toMatchObject({
      code: CATALOG_ERROR_CODES.assetNotFound,
      status: 404,
    });
    expect(await storage.exists('org-1/nothing')).toBe(false);
    await expect(storage.delete('org-1/nothing')).resolves.toBeUndefined();
  });

  it('reports a missing bucket as CATALOG.STORAGE_UNAVAILABLE, naming the S3 error code in the cause', async () => {
    const elsewhere = new S3AssetStorage({ ...settings, bucket: 'no-such-bucket' });
    const failure: unknown = await elsewhere.put('org-1/asset-3', Buffer.from('x'), 'image/png').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: CATALOG_ERROR_CODES.storageUnavailable, status: 503 });
    expect(failure).toHaveProperty('cause.message', 'S3 answered 404 NoSuchBucket');
  });

  it('reports an unknown access key as CATALOG.STORAGE_UNAVAILABLE', async () => {
    const stranger = new S3AssetStorage({ ...settings, accessKeyId: 'NOBODY' });
    await expect(stranger.put('org-1/asset-4', Buffer.from('x'), 'image/png')).rejects.toMatchObject({
      code: CATALOG_ERROR_CODES.storageUnavailable,
    });
  });

  it('reports a store nobody answers at as CATALOG.STORAGE_UNAVAILABLE', async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    const down = new S3AssetStorage({ ...settings, endpoint: 'http://127.0.0.1:9' });
    await expect(down.get('org-1/asset-1')).rejects.toMatchObject({
      code: CATALOG_ERROR_CODES.storageUnavailable,
      status: 503,
    });
  });
});
