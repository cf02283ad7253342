import { deciderSpec } from '@bandstand/shared/domain';
import { CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { assetDecider, type AssetStoredData } from './asset.decider';

const cover: AssetStoredData = {
  assetId: 'asset-1',
  orgId: 'org-1',
  kind: 'artwork',
  contentType: 'image/png',
  bytes: 2048,
  sha256: 'a'.repeat(64),
  width: 1400,
  height: 1400,
  durationMs: null,
  storageKey: 'org-1/asset-1',
};

describe('the asset decider', () => {
  it('records a new asset as stored', () => {
    deciderSpec(assetDecider)
      .when({ kind: 'StoreAsset', asset: cover })
      .then([{ type: 'AssetStored', data: cover }]);
  });

  it('refuses to store a second file under an asset id: its content never changes', () => {
    deciderSpec(assetDecider)
      .given([{ type: 'AssetStored', data: cover }])
      .when({ kind: 'StoreAsset', asset: { ...cover, sha256: 'b'.repeat(64) } })
      .thenThrows(CATALOG_ERROR_CODES.invalidTransition);
  });
});
