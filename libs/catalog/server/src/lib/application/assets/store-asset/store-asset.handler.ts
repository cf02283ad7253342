import { createHash } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KERNEL_CLOCK, type KernelClock } from '@bandstand/shared/event-store';
import { type Asset, CATALOG_ERROR_CODES, MIN_ARTWORK_EDGE } from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import {
  ASSET_STORAGE,
  type AssetStorage,
  assetKey,
} from '../../../infrastructure/storage/asset-storage.port';
import { AssetStream } from '../asset-stream';
import { AssetsQueries } from '../assets.queries';
import { type SniffedMedia, sniffMedia } from '../media-sniffer';
import { StoreAsset } from './store-asset.command';

function invalidArtwork(message: string): CatalogError {
  return new CatalogError(CATALOG_ERROR_CODES.invalidArtwork, message, { status: 422, field: 'body' });
}

/** What the content is, or the problem that refuses it: the declared type and name count for nothing. */
export function acceptedMedia(command: Pick<StoreAsset, 'kind' | 'content'>): SniffedMedia {
  const sniffed = sniffMedia(command.kind, command.content);
  if (!sniffed.ok) {
    if (command.kind === 'artwork' && sniffed.reason === 'unreadable') throw invalidArtwork(sniffed.message);
    throw new CatalogError(CATALOG_ERROR_CODES.unsupportedMediaType, sniffed.message, {
      status: 415,
      field: 'contentType',
    });
  }
  const { media } = sniffed;
  if (command.kind === 'artwork') {
    const { width, height } = media;
    if (width !== height) {
      throw invalidArtwork(`Artwork must be square; this image is ${width ?? 0}×${height ?? 0} pixels`);
    }
    if ((width ?? 0) < MIN_ARTWORK_EDGE) {
      throw invalidArtwork(
        `Artwork must be at least ${MIN_ARTWORK_EDGE}×${MIN_ARTWORK_EDGE} pixels; this image is ${width ?? 0}×${height ?? 0}`,
      );
    }
  }
  return media;
}

/**
 * Handles {@link StoreAsset}: checks the content, stores the bytes under `<orgId>/<assetId>`, then
 * records `AssetStored`. The bytes go first so that a recorded asset always has them; if recording
 * fails, they are deleted again, so nothing is left that no asset names.
 */
@CommandHandler(StoreAsset)
export class StoreAssetHandler implements ICommandHandler<StoreAsset> {
  private readonly logger = new Logger(StoreAssetHandler.name);

  constructor(
    @Inject(AssetStream) private readonly assets: AssetStream,
    @Inject(AssetsQueries) private readonly queries: AssetsQueries,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  async execute(command: StoreAsset): Promise<Asset> {
    const media = acceptedMedia(command);
    const assetId = this.clock.newId();
    const storageKey = assetKey(command.orgId, assetId);
    await this.storage.put(storageKey, command.content, media.contentType);
    try {
      await this.assets.run(command.orgId, assetId, command.actor, {
        kind: 'StoreAsset',
        asset: {
          assetId,
          orgId: command.orgId,
          kind: command.kind,
          contentType: media.contentType,
          bytes: command.content.length,
          sha256: createHash('sha256').update(command.content).digest('hex'),
          width: media.width,
          height: media.height,
          durationMs: media.durationMs,
          storageKey,
        },
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch((cleanup: unknown) => {
        this.logger.error(`Could not delete ${storageKey} after its AssetStored failed: ${String(cleanup)}`);
      });
      throw error;
    }
    return (await this.queries.find(assetId, command.orgId)).asset;
  }
}
