import { Command } from '@nestjs/cqrs';
import { type Asset, type AssetKind } from '@bandstand/catalog/contracts';
import { type CatalogActor } from '../../releases/release-stream';

/** Store an uploaded file as an organisation's artwork or audio, refusing what its content is not. */
export class StoreAsset extends Command<Asset> {
  constructor(
    readonly orgId: string,
    readonly kind: AssetKind,
    readonly content: Buffer,
    readonly actor: CatalogActor,
  ) {
    super();
  }
}
