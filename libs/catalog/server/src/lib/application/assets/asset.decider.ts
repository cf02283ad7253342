import { type Decider } from '@bandstand/shared/domain';
import { type AssetKind, CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';

/** What was stored: the file's type and size read from its content, and where its bytes are. */
export interface AssetStoredData {
  readonly assetId: string;
  readonly orgId: string;
  readonly kind: AssetKind;
  readonly contentType: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationMs: number | null;
  readonly storageKey: string;
}

/** The bytes of an asset were stored under its key. */
export interface AssetStored {
  readonly type: 'AssetStored';
  readonly data: AssetStoredData;
}

/** Events of `catalog-asset-<assetId>` streams. */
export type AssetEvent = AssetStored;

/** Event types of the asset streams, for the schema registry and the projection. */
export const ASSET_EVENT_TYPES = ['AssetStored'] as const satisfies readonly AssetEvent['type'][];

/** Record that an asset's bytes were stored. */
export interface StoreAsset {
  readonly kind: 'StoreAsset';
  readonly asset: AssetStoredData;
}

/** Commands of an asset stream. */
export type AssetCommand = StoreAsset;

/** An asset is stored once; its content never changes under its id (the ETag relies on it). */
export interface AssetState {
  readonly stored: boolean;
}

/** The asset decider: `StoreAsset` on a fresh stream, refused on one that holds an asset already. */
export const assetDecider: Decider<AssetCommand, AssetEvent, AssetState> = {
  initialState: () => ({ stored: false }),
  evolve: (state, event) => (event.type === 'AssetStored' ? { stored: true } : state),
  decide: (command, state) => {
    if (state.stored) {
      throw new CatalogError(
        CATALOG_ERROR_CODES.invalidTransition,
        `Asset ${command.asset.assetId} is stored already; its content never changes`,
        { status: 409 },
      );
    }
    return [{ type: 'AssetStored', data: command.asset }];
  },
};
