import { Inject, Injectable } from '@nestjs/common';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { type Asset, type AssetKind, CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import { isoUtc } from '../releases/catalog-sql';

interface AssetRow {
  readonly asset_id: string;
  readonly org_id: string;
  readonly kind: AssetKind;
  readonly content_type: string;
  readonly bytes: string;
  readonly sha256: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly duration_ms: string | null;
  readonly storage_key: string;
  readonly created_at: string;
}

/** An asset as the api shows it, and the key its bytes are stored under. */
export interface StoredAsset {
  readonly asset: Asset;
  readonly storageKey: string;
}

/** CATALOG.ASSET_NOT_FOUND: no such asset, or not the organisation's. */
export function assetNotFound(assetId: string): CatalogError {
  return new CatalogError(CATALOG_ERROR_CODES.assetNotFound, `There is no asset ${assetId}`, { status: 404 });
}

/** The assets area's read side, from catalog.assets. */
@Injectable()
export class AssetsQueries {
  constructor(@Inject(KernelDatabase) private readonly db: KernelDatabase) {}

  /** One asset; with `orgId`, only when it is that organisation's (404 otherwise, like a missing one). */
  async find(assetId: string, orgId?: string): Promise<StoredAsset> {
    const rows = await this.db.query<AssetRow>(
      `select asset_id, org_id, kind, content_type, bytes, sha256, width, height, duration_ms, storage_key,
              ${isoUtc('created_at')} as created_at
         from catalog.assets where asset_id = $1 and ($2::text is null or org_id = $2)`,
      [assetId, orgId ?? null],
    );
    const row = rows[0];
    if (row === undefined) throw assetNotFound(assetId);
    return {
      storageKey: row.storage_key,
      asset: {
        assetId: row.asset_id,
        orgId: row.org_id,
        kind: row.kind,
        contentType: row.content_type,
        bytes: Number(row.bytes),
        sha256: row.sha256,
        width: row.width,
        height: row.height,
        durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
        createdAt: row.created_at,
      },
    };
  }
}
