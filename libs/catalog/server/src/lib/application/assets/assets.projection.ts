import { Injectable } from '@nestjs/common';
import {
  InlineProjection,
  type InlineProjectionHandler,
  type KernelTransaction,
  type StoredEvent,
} from '@bandstand/shared/event-store';
import { ASSET_EVENT_TYPES, type AssetEvent } from './asset.decider';

/**
 * catalog.assets, kept in the storing command's transaction: the upload answers with the asset, and
 * releases may name it as their artwork at once.
 */
@Injectable()
@InlineProjection({ name: 'catalog.assets', eventTypes: ASSET_EVENT_TYPES })
export class AssetsProjection implements InlineProjectionHandler {
  async handle(events: readonly StoredEvent[], tx: KernelTransaction): Promise<void> {
    for (const stored of events) {
      const event = { type: stored.type, data: stored.data } as AssetEvent;
      const asset = event.data;
      await tx.query(
        `insert into catalog.assets (asset_id, org_id, kind, content_type, bytes, sha256, width, height,
           duration_ms, storage_key, created_by, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict (asset_id) do nothing`,
        [
          asset.assetId,
          asset.orgId,
          asset.kind,
          asset.contentType,
          asset.bytes,
          asset.sha256,
          asset.width,
          asset.height,
          asset.durationMs,
          asset.storageKey,
          stored.metadata.actor,
          stored.recordedAt,
        ],
      );
    }
  }

  async truncate(tx: KernelTransaction): Promise<void> {
    await tx.query('truncate catalog.assets');
  }
}
