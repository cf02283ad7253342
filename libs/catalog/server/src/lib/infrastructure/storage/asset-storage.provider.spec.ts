import { type AssetStorageConfig, createAssetStorage } from './asset-storage.provider';
import { LocalDiskAssetStorage } from './local-disk-asset-storage';
import { S3AssetStorage } from './s3-asset-storage';

const base: AssetStorageConfig = {
  ASSET_STORAGE: 'local',
  ASSET_DIR: 'var/assets',
  S3_ENDPOINT: undefined,
  S3_REGION: 'eu-west-1',
  S3_BUCKET: undefined,
  S3_ACCESS_KEY_ID: undefined,
  S3_SECRET_ACCESS_KEY: undefined,
  S3_FORCE_PATH_STYLE: false,
};

describe('the asset store chosen by ASSET_STORAGE', () => {
  it('keeps files on the local disk by default', () => {
    expect(createAssetStorage(base)).toBeInstanceOf(LocalDiskAssetStorage);
  });

  it('uses S3 when it has a bucket and keys', () => {
    const storage = createAssetStorage({
      ...base,
      ASSET_STORAGE: 's3',
      S3_BUCKET: 'bandstand-assets',
      S3_ACCESS_KEY_ID: 'AKIA',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(storage).toBeInstanceOf(S3AssetStorage);
  });

  it('refuses to start on S3 without a bucket or keys, naming each missing setting', () => {
    expect(() => createAssetStorage({ ...base, ASSET_STORAGE: 's3' })).toThrow(
      'ASSET_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set them, or use ASSET_STORAGE=local with ASSET_DIR',
    );
    expect(() =>
      createAssetStorage({ ...base, ASSET_STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'AKIA' }),
    ).toThrow('ASSET_STORAGE=s3 needs S3_SECRET_ACCESS_KEY: set it');
  });
});
