import { type FieldError } from '@bandstand/shared/contracts';
import { CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { CatalogError } from '../catalog.error';

/** The release's stream exists already (409): its id was used before. */
export class ReleaseExists extends CatalogError {
  constructor() {
    super(CATALOG_ERROR_CODES.releaseExists, 'This release exists already', {
      status: 409,
      field: 'releaseId',
    });
  }
}

/** No release with this id, or it was deleted (404). */
export class ReleaseNotFound extends CatalogError {
  constructor() {
    super(CATALOG_ERROR_CODES.releaseNotFound, 'There is no such release', {
      status: 404,
      field: 'releaseId',
    });
  }
}

/** The draft changed since the client read it (409). */
export class StaleRevision extends CatalogError {
  constructor(expected: number, actual: number) {
    super(
      CATALOG_ERROR_CODES.staleRevision,
      `The draft is at revision ${actual}, not ${expected}: someone changed it since you opened it; reload and try again`,
      { status: 409, field: 'expectedRevision' },
    );
  }
}

/** The draft lacks what publishing or scheduling needs; `errors` lists each missing field (422). */
export class ReleaseIncomplete extends CatalogError {
  constructor(errors: readonly FieldError[]) {
    super(
      CATALOG_ERROR_CODES.releaseIncomplete,
      `The release is not complete: ${errors.map((error) => error.message).join('; ')}`,
      { status: 422, errors },
    );
  }
}

/** The draft holds nothing that the newest version does not (409). */
export class NothingToPublish extends CatalogError {
  constructor(version: number) {
    super(CATALOG_ERROR_CODES.nothingToPublish, `The draft has no change since version ${version}`, {
      status: 409,
    });
  }
}

/** The command does not apply in the release's current status (409). */
export class InvalidTransition extends CatalogError {
  constructor(message: string, field?: string) {
    super(
      CATALOG_ERROR_CODES.invalidTransition,
      message,
      field === undefined ? { status: 409 } : { status: 409, field },
    );
  }
}

/** A release moment is not after now (422); `errors` names each one. */
export class ReleaseDateInPast extends CatalogError {
  constructor(errors: readonly FieldError[]) {
    super(CATALOG_ERROR_CODES.releaseDateInPast, errors.map((error) => error.message).join('; '), {
      status: 422,
      field: errors[0]?.field ?? 'releaseAt',
      errors,
    });
  }
}

/**
 * A release moment falls inside an embargo of its territory, or embargoes of one territory overlap
 * (422); `errors` holds every conflict, `field` the first of the kind the code names.
 */
export class EmbargoConflict extends CatalogError {
  constructor(errors: readonly FieldError[]) {
    const inEmbargo = errors.find((error) => error.code === CATALOG_ERROR_CODES.releaseDateInEmbargo);
    const first = inEmbargo ?? errors[0];
    super(
      inEmbargo === undefined ? CATALOG_ERROR_CODES.invalidEmbargo : CATALOG_ERROR_CODES.releaseDateInEmbargo,
      errors.map((error) => error.message).join('; '),
      { status: 422, field: first?.field ?? 'embargoes', errors },
    );
  }
}

/** A takedown needs a reason of 1–500 characters (422). */
export class InvalidTakedownReason extends CatalogError {
  constructor() {
    super(CATALOG_ERROR_CODES.invalidMetadata, 'Give a reason for the takedown (1 to 500 characters)', {
      status: 422,
      field: 'reason',
    });
  }
}
