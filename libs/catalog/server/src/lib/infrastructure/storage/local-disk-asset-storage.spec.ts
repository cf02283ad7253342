import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { isAssetKey } from './asset-storage.port';
import { LocalDiskAssetStorage } from './local-disk-asset-storage';

describe('LocalDiskAssetStorage (on the real disk)', () => {
  let root: string;
  let storage: LocalDiskAssetStorage;

  beforeEach(() => {
    root = join(tmpdir(), `bandstand-assets-${randomUUID()}`);
    storage = new LocalDiskAssetStorage(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function filesUnder(directory: string): Promise<string[]> {
    const entries = await readdir(directory, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
      .sort();
  }

  it('stores a buffer under its key, as a file under the directory, and reads it back', async () => {
    await storage.put('org-1/asset-1', Buffer.from('cover bytes'), 'image/png');
    expect(await readFile(join(root, 'org-1', 'asset-1'), 'utf8')).toBe('cover bytes');
    expect(await text(await storage.get('org-1/asset-1'))).toBe('cover bytes');
    expect(await storage.exists('org-1/asset-1')).toBe(true);
    // No temporary file is left beside it.
    expect(await filesUnder(root)).toEqual(['org-1/asset-1']);
  });

  it('stores a stream and replaces what was under the key', async () => {
    await storage.put('org-1/asset-2', Buffer.from('first'), 'audio/wav');
    await storage.put('org-1/asset-2', Readable.from([Buffer.from('sec'), Buffer.from('ond')]), 'audio/wav');
    expect(await text(await storage.get('org-1/asset-2'))).toBe('second');
  });

  it('answers a missing key with CATALOG.ASSET_NOT_FOUND and exists() false', async () => {
    await expect(storage.get('org-1/nothing')).rejects.toMatchObject({
      code: CATALOG_ERROR_CODES.assetNotFound,
      status: 404,
    });
    expect(await storage.exists('org-1/nothing')).toBe(false);
  });

  it('deletes, and deleting what is not there is no error', async () => {
    await storage.put('org-1/asset-3', Buffer.from('x'), 'image/png');
    await storage.delete('org-1/asset-3');
    expect(await storage.exists('org-1/asset-3')).toBe(false);
    await expect(storage.delete('org-1/asset-3')).resolves.toBeUndefined();
  });

  it('leaves nothing behind when the body fails halfway, and reports the store as unavailable', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('half a file'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put('org-1/asset-4', failing, 'audio/flac')).rejects.toMatchObject({
      code: CATALOG_ERROR_CODES.storageUnavailable,
      status: 503,
    });
    expect(await storage.exists('org-1/asset-4')).toBe(false);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('reports a directory it cannot write to as CATALOG.STORAGE_UNAVAILABLE', async () => {
    await mkdir(root, { recursive: true });
    // A file where the organisation's folder should be.
    await writeFile(join(root, 'org-9'), 'in the way');
    await expect(storage.put('org-9/asset-1', Buffer.from('x'), 'image/png')).rejects.toMatchObject({
      code: CATALOG_ERROR_CODES.storageUnavailable,
    });
  });

  it.each([
    '../escape',
    'org-1/../../escape',
    '/etc/passwd',
    'org-1/.hidden',
    '',
    'org-1//asset',
    'a\\b',
    'org 1/x',
  ])('refuses the key %j before touching the disk', async (key) => {
    expect(isAssetKey(key)).toBe(false);
    await expect(storage.put(key, Buffer.from('x'), 'image/png')).rejects.toThrow(RangeError);
    await expect(storage.get(key)).rejects.toThrow(RangeError);
    await expect(storage.exists(key)).rejects.toThrow(RangeError);
    await expect(storage.delete(key)).rejects.toThrow(RangeError);
  });
});
