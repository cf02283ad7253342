import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertAssetKey,
  type AssetStorage,
  storageUnavailable,
  storedAssetNotFound,
} from './asset-storage.port';

// Structural, not `instanceof Error`: errors of node:fs may come from another realm (test sandboxes).
function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/**
 * Assets as files under one directory (ASSET_DIR), a key's segments as folders. A file is written
 * under a temporary name beside its target and renamed into place when complete, so readers never
 * see half an upload, also when the process dies while writing.
 */
export class LocalDiskAssetStorage implements AssetStorage {
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  async put(key: string, body: Buffer | Readable, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    // Starts with a dot: no valid key names it, so a reader can never open a half-written file.
    const temporary = join(dirname(target), `.${randomUUID()}.part`);
    try {
      await mkdir(dirname(target), { recursive: true });
      await pipeline(
        Buffer.isBuffer(body) ? Readable.from([body]) : body,
        createWriteStream(temporary, { flags: 'wx', flush: true }),
      );
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw storageUnavailable('store the file', error);
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      // Opened before answering, so that a missing file is a 404 rather than a broken stream.
      const handle = await open(path, 'r');
      return handle.createReadStream();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw storedAssetNotFound(key);
      throw storageUnavailable('read the file', error);
    }
  }

  async exists(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      return (await stat(path)).isFile();
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw storageUnavailable('look the file up', error);
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await rm(path, { force: true });
    } catch (error) {
      throw storageUnavailable('delete the file', error);
    }
  }

  private pathOf(key: string): string {
    assertAssetKey(key);
    const path = resolve(this.root, ...key.split('/'));
    // The key check already rules out `..`; this keeps the invariant next to the file system call.
    if (!path.startsWith(this.root + sep)) throw new RangeError(`${key} leaves the asset directory`);
    return path;
  }
}
