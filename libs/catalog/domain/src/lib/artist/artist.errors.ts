import { CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { CatalogError } from '../catalog.error';

/** The artist's stream exists already (409): its id was used before. */
export class ArtistExists extends CatalogError {
  constructor() {
    super(CATALOG_ERROR_CODES.artistExists, 'This artist exists already', { status: 409, field: 'artistId' });
  }
}

/** No artist with this id (404). */
export class ArtistNotFound extends CatalogError {
  constructor() {
    super(CATALOG_ERROR_CODES.artistNotFound, 'There is no such artist', { status: 404, field: 'artistId' });
  }
}
