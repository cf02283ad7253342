import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { type Asset } from '@bandstand/catalog/contracts';
import { ASSET_STORAGE, type AssetStorage } from '../../infrastructure/storage/asset-storage.port';
import { AssetsQueries } from './assets.queries';

/** The bytes of stored assets, for the team's download and the public artwork route. */
@Injectable()
export class AssetContent {
  constructor(
    @Inject(AssetsQueries) private readonly queries: AssetsQueries,
    @Inject(ASSET_STORAGE) private readonly storage: AssetStorage,
  ) {}

  /** Metadata and a readable stream of a stored asset; CATALOG.ASSET_NOT_FOUND (404) when `orgId` is given and differs. */
  async open(assetId: string, orgId?: string): Promise<{ readonly asset: Asset; readonly stream: Readable }> {
    const { asset, storageKey } = await this.queries.find(assetId, orgId);
    return { asset, stream: await this.storage.get(storageKey) };
  }
}
