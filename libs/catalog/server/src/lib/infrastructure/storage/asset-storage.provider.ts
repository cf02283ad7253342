import { type FactoryProvider } from '@nestjs/common';
import { APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { ASSET_STORAGE, type AssetStorage } from './asset-storage.port';
import { LocalDiskAssetStorage } from './local-disk-asset-storage';
import { awsS3Endpoint, S3AssetStorage } from './s3-asset-storage';

/** The configuration keys that choose and set up the asset store. */
export type AssetStorageConfig = Pick<
  CommonConfig,
  | 'ASSET_STORAGE'
  | 'ASSET_DIR'
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_BUCKET'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
>;

/**
 * The asset store ASSET_STORAGE names. With `s3`, a missing bucket or key stops the process at
 * start with the names of what is missing, rather than failing the first upload.
 */
export function createAssetStorage(config: AssetStorageConfig): AssetStorage {
  if (config.ASSET_STORAGE === 'local') return new LocalDiskAssetStorage(config.ASSET_DIR);
  const required = {
    S3_BUCKET: config.S3_BUCKET,
    S3_ACCESS_KEY_ID: config.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: config.S3_SECRET_ACCESS_KEY,
  };
  const missing = Object.entries(required)
    .filter(([, value]) => value === undefined || value === '')
    .map(([name]) => name);
  const {
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: accessKeyId,
    S3_SECRET_ACCESS_KEY: secretAccessKey,
  } = required;
  if (
    bucket === undefined ||
    accessKeyId === undefined ||
    secretAccessKey === undefined ||
    missing.length > 0
  ) {
    throw new Error(
      `ASSET_STORAGE=s3 needs ${missing.join(', ')}: set ${missing.length === 1 ? 'it' : 'them'}, or use ASSET_STORAGE=local with ASSET_DIR`,
    );
  }
  return new S3AssetStorage({
    endpoint: config.S3_ENDPOINT ?? awsS3Endpoint(config.S3_REGION),
    region: config.S3_REGION,
    bucket,
    accessKeyId,
    secretAccessKey,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

/** Provides {@link ASSET_STORAGE} from the process's configuration. */
export const assetStorageProvider: FactoryProvider<AssetStorage> = {
  provide: ASSET_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AssetStorageConfig) => createAssetStorage(config),
};
