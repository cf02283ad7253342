import { type Readable } from 'node:stream';
import { CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';

/** Injection token of the process's {@link AssetStorage}. */
export const ASSET_STORAGE = Symbol('ASSET_STORAGE');

/**
 * Where the bytes of artwork and audio live, by key (`<orgId>/<assetId>`); what they are is in the
 * catalog's read models. Errors of the store itself are CATALOG.STORAGE_UNAVAILABLE (503).
 */
export interface AssetStorage {
  /** Stores `body` under `key`, replacing whatever was there; nothing is visible until it is complete. */
  put(key: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** The stored bytes; CATALOG.ASSET_NOT_FOUND (404) when there are none. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
}

// Segments of letters, digits, `.`, `_` and `-` that start with a letter or digit: no `..`, no
// absolute path, no hidden file (the local store's temporary files start with a dot).
const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_SEGMENTS = 8;

/** Whether `key` is a storage key: 1–8 `/`-separated segments of `[A-Za-z0-9._-]`, each starting with a letter or digit. */
export function isAssetKey(key: string): boolean {
  const segments = key.split('/');
  return segments.length <= MAX_KEY_SEGMENTS && segments.every((segment) => KEY_SEGMENT.test(segment));
}

/** Refuses a key that could leave the store's root (`..`, absolute paths) or is otherwise malformed. */
export function assertAssetKey(key: string): void {
  if (!isAssetKey(key)) throw new RangeError(`${JSON.stringify(key)} is not an asset storage key`);
}

/** The storage key of an asset: `<orgId>/<assetId>`. */
export function assetKey(orgId: string, assetId: string): string {
  const key = `${orgId}/${assetId}`;
  assertAssetKey(key);
  return key;
}

/** CATALOG.ASSET_NOT_FOUND for a key with nothing stored under it. */
export function storedAssetNotFound(key: string): CatalogError {
  return new CatalogError(CATALOG_ERROR_CODES.assetNotFound, `Nothing is stored under ${key}`, {
    status: 404,
  });
}

/** CATALOG.STORAGE_UNAVAILABLE: the store failed; the cause stays in the server log. */
export function storageUnavailable(action: string, cause: unknown): CatalogError {
  return new CatalogError(
    CATALOG_ERROR_CODES.storageUnavailable,
    `The asset store could not ${action}; try again later`,
    { status: 503, cause },
  );
}
