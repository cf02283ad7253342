import { createHash } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { type Asset, MAX_ARTWORK_BYTES, orgCatalogPath } from '@bandstand/catalog/contracts';
import { APP_CONFIG } from '@bandstand/shared/config';
import { type ProblemDetails } from '@bandstand/shared/contracts';
import { testAuthorization } from '@bandstand/shared/access/testing';
import { EventStore } from '@bandstand/shared/event-store';
import { type CatalogTestApp, startCatalogTestApp } from '../../testing/catalog.test-kit';
import { assetStreamId } from './asset-stream';
import { assetsArea } from './assets.area';
import { flacAudio, jpegImage, pngImage, wavAudio } from './media-fixtures';

const ORG = 'org-night-owls';
const OTHER_ORG = 'org-day-larks';

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An endless body that counts how much of it was pulled. */
class EndlessBody extends Readable {
  produced = 0;

  override _read(): void {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    this.produced += chunk.length;
    this.push(chunk);
  }
}

describe('artwork and audio uploads over HTTP (Fastify, the access guard, the local asset store)', () => {
  let test: CatalogTestApp;
  let assetDir: string;

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [assetsArea],
      http: true,
      teams: { [ORG]: { ana: 'editor', rita: 'reader' }, [OTHER_ORG]: { bo: 'owner' } },
    });
    assetDir = resolve(String(test.app.get<Record<string, unknown>>(APP_CONFIG)['ASSET_DIR']));
  });

  afterAll(async () => {
    await test.close();
    await rm(assetDir, { recursive: true, force: true });
  });

  function upload<T>(kind: string, body: Buffer, contentType: string, user = 'ana', orgId = ORG) {
    return test.request<T>({
      method: 'POST',
      url: `${orgCatalogPath(orgId)}/assets?kind=${kind}`,
      user,
      body,
      headers: { 'content-type': contentType },
    });
  }

  async function storedFileExists(orgId: string, assetId: string): Promise<boolean> {
    return stat(join(assetDir, orgId, assetId)).then(
      () => true,
      () => false,
    );
  }

  it('stores a square PNG, records it as an event, and serves it back byte for byte', async () => {
    const png = pngImage(1400, 1400);
    const created = await upload<Asset>('artwork', png, 'image/png');
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      assetId: expect.any(String) as unknown,
      orgId: ORG,
      kind: 'artwork',
      contentType: 'image/png',
      bytes: png.length,
      sha256: sha256(png),
      width: 1400,
      height: 1400,
      durationMs: null,
      createdAt: '2027-03-01T12:00:00.000Z',
    });
    const { assetId } = created.body;

    const { events } = await test.app.get(EventStore).readStream(assetStreamId(assetId));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      streamId: `catalog-asset-${assetId}`,
      type: 'AssetStored',
      data: { assetId, orgId: ORG, sha256: sha256(png), storageKey: `${ORG}/${assetId}` },
      metadata: { actor: 'user:ana', tenantId: ORG },
    });
    expect(await storedFileExists(ORG, assetId)).toBe(true);

    // Every member reads it, readers included.
    const read = await test.request<Asset>({
      method: 'GET',
      url: `${orgCatalogPath(ORG)}/assets/${assetId}`,
      user: 'rita',
    });
    expect(read).toMatchObject({ status: 200, body: created.body });

    const http = test.http;
    if (http === undefined) throw new Error('no HTTP app');
    const download = await http
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `${orgCatalogPath(ORG)}/assets/${assetId}/content`,
        headers: { authorization: testAuthorization('rita') },
      });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(png.length),
      etag: `"${sha256(png)}"`,
      'cache-control': expect.stringMatching(/^private\b/) as unknown,
    });

    const again = await test.request<string>({
      method: 'GET',
      url: `${orgCatalogPath(ORG)}/assets/${assetId}/content`,
      user: 'ana',
      headers: { 'if-none-match': `"${sha256(png)}"` },
    });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('stores a JPEG, reading its size from the frame header', async () => {
    const jpeg = jpegImage(1600, 1600);
    const created = await upload<Asset>('artwork', jpeg, 'image/jpeg');
    expect(created).toMatchObject({
      status: 201,
      body: { contentType: 'image/jpeg', width: 1600, height: 1600, bytes: jpeg.length },
    });
  });

  it('goes by the content, not the declared type: a PNG sent as image/jpeg is a PNG', async () => {
    const created = await upload<Asset>('artwork', pngImage(1500, 1500), 'image/jpeg');
    expect(created).toMatchObject({ status: 201, body: { contentType: 'image/png', width: 1500 } });
  });

  it('refuses artwork smaller than 1400 pixels or not square with CATALOG.INVALID_ARTWORK', async () => {
    const small = await upload<ProblemDetails>('artwork', pngImage(1000, 1000), 'image/png');
    expect(small).toMatchObject({
      status: 422,
      body: {
        code: 'CATALOG.INVALID_ARTWORK',
        detail: expect.stringContaining('at least 1400×1400') as unknown,
      },
    });
    const wide = await upload<ProblemDetails>('artwork', pngImage(1500, 1400), 'image/png');
    expect(wide).toMatchObject({
      status: 422,
      body: { code: 'CATALOG.INVALID_ARTWORK', detail: expect.stringContaining('square') as unknown },
    });
  });

  it('refuses text sent as image/png, and audio sent as artwork, with 415 on contentType', async () => {
    const text = await upload<ProblemDetails>(
      'artwork',
      Buffer.from('definitely not a picture'),
      'image/png',
    );
    expect(text).toMatchObject({
      status: 415,
      body: {
        code: 'CATALOG.UNSUPPORTED_MEDIA_TYPE',
        errors: [{ field: 'contentType', code: 'CATALOG.UNSUPPORTED_MEDIA_TYPE' }],
      },
    });
    const audio = await upload<ProblemDetails>('artwork', flacAudio(44_100, 44_100), 'image/png');
    expect(audio).toMatchObject({ status: 415, body: { code: 'CATALOG.UNSUPPORTED_MEDIA_TYPE' } });
    const json = await test.request<ProblemDetails>({
      method: 'POST',
      url: `${orgCatalogPath(ORG)}/assets?kind=artwork`,
      user: 'ana',
      body: { artwork: 'base64…' },
    });
    expect(json).toMatchObject({ status: 415, body: { code: 'CATALOG.UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('refuses an upload whose Content-Length is over the limit with 413, before reading it', async () => {
    const http = test.http;
    if (http === undefined) throw new Error('no HTTP app');
    const body = new EndlessBody();
    const response = await http
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: `${orgCatalogPath(ORG)}/assets?kind=artwork`,
        headers: {
          authorization: testAuthorization('ana'),
          'content-type': 'image/png',
          'content-length': String(MAX_ARTWORK_BYTES + 1),
        },
        payload: body,
      });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'CATALOG.PAYLOAD_TOO_LARGE' });
    expect(response.headers['connection']).toBe('close');
  });

  it('stops reading an upload without Content-Length as soon as it passes the limit', async () => {
    const http = test.http;
    if (http === undefined) throw new Error('no HTTP app');
    const body = new EndlessBody();
    const response = await http
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: `${orgCatalogPath(ORG)}/assets?kind=artwork`,
        headers: { authorization: testAuthorization('ana'), 'content-type': 'image/png' },
        payload: body,
      });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'CATALOG.PAYLOAD_TOO_LARGE' });
    expect(body.produced).toBeLessThan(MAX_ARTWORK_BYTES + 1024 * 1024);
  });

  it('stores FLAC and WAV audio with their length read from the headers', async () => {
    const flac = await upload<Asset>('audio', flacAudio(48_000, 48_000 * 222), 'audio/flac');
    expect(flac).toMatchObject({
      status: 201,
      body: { kind: 'audio', contentType: 'audio/flac', durationMs: 222_000, width: null, height: null },
    });
    // Declared as a generic binary: the content says WAV.
    const wav = await upload<Asset>(
      'audio',
      wavAudio(44_100, 2, 16, 44_100 * 4 * 3),
      'application/octet-stream',
    );
    expect(wav).toMatchObject({ status: 201, body: { contentType: 'audio/wav', durationMs: 3000 } });
    const text = await upload<ProblemDetails>('audio', Buffer.from('la la la'), 'audio/mpeg');
    expect(text).toMatchObject({ status: 415, body: { code: 'CATALOG.UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('shows another organisation’s asset to no one outside it: 404 under their own org', async () => {
    const created = await upload<Asset>('artwork', pngImage(1400, 1400), 'image/png');
    const { assetId } = created.body;
    for (const suffix of ['', '/content']) {
      const foreign = await test.request<ProblemDetails>({
        method: 'GET',
        url: `${orgCatalogPath(OTHER_ORG)}/assets/${assetId}${suffix}`,
        user: 'bo',
      });
      expect(foreign).toMatchObject({ status: 404, body: { code: 'CATALOG.ASSET_NOT_FOUND' } });
      // Not a member of the owning organisation: the guard refuses.
      const outsider = await test.request<ProblemDetails>({
        method: 'GET',
        url: `${orgCatalogPath(ORG)}/assets/${assetId}${suffix}`,
        user: 'bo',
      });
      expect(outsider.status).toBe(403);
    }
  });

  it('lets readers look but not upload (403), and anonymous callers nothing (401)', async () => {
    const reader = await upload<ProblemDetails>('artwork', pngImage(1400, 1400), 'image/png', 'rita');
    expect(reader.status).toBe(403);
    const anonymous = await test.request<ProblemDetails>({
      method: 'POST',
      url: `${orgCatalogPath(ORG)}/assets?kind=artwork`,
      body: pngImage(1400, 1400),
      headers: { 'content-type': 'image/png' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('refuses an unknown kind', async () => {
    const response = await upload<ProblemDetails>('video', pngImage(1400, 1400), 'image/png');
    expect(response).toMatchObject({
      status: 400,
      body: { errors: [expect.objectContaining({ field: 'kind' })] },
    });
  });

  it('deletes the stored bytes again when recording the asset fails', async () => {
    const assetId = '5b0c0b7e-0000-4000-8000-000000000001';
    // The asset stream is taken already, so AssetStored is refused after the bytes were stored.
    await test.app
      .get(EventStore)
      .append(assetStreamId(assetId), [{ type: 'AssetStored', data: { assetId, orgId: ORG } }], {
        expectedVersion: 'no_stream',
        metadata: { correlationId: 'seed', causationId: null, actor: 'user:seed', tenantId: ORG },
      });
    const newId = test.clock.newId.bind(test.clock);
    test.clock.newId = () => assetId;
    try {
      const refused = await upload<ProblemDetails>('artwork', pngImage(1400, 1400), 'image/png');
      expect(refused).toMatchObject({ status: 409, body: { code: 'CATALOG.INVALID_TRANSITION' } });
    } finally {
      test.clock.newId = newId;
    }
    expect(await storedFileExists(ORG, assetId)).toBe(false);
    const rows = await test.db.query('select asset_id from catalog.assets where asset_id = $1', [assetId]);
    expect(rows).toEqual([]);
  });
});
