import { type CatalogTables } from '../../catalog-area';
import { ArtistRecord } from '../artists/artist.entity';
import { Migration20261122000100_create_catalog_releases } from './20261122000100-create-catalog-releases.migration';
import {
  IsrcOwnerRecord,
  ReleaseAvailabilityRecord,
  ReleaseRecord,
  ReleaseTrackRecord,
  ReleaseVersionRecord,
  UpcOwnerRecord,
} from './release.entity';

/** Read models and migrations of the artists and releases areas, in migration order. */
export const releasesTables: CatalogTables = {
  entities: [
    ArtistRecord,
    ReleaseRecord,
    ReleaseTrackRecord,
    ReleaseVersionRecord,
    IsrcOwnerRecord,
    UpcOwnerRecord,
    ReleaseAvailabilityRecord,
  ],
  migrations: [
    {
      name: 'Migration20261122000100_create_catalog_releases',
      class: Migration20261122000100_create_catalog_releases,
    },
  ],
};
