/** Stable error codes of the catalog context (problem+json `code`). */
export const CATALOG_ERROR_CODES = {
  /** One or more fields of a draft, a schedule or a batch change are invalid; `errors` names each (422). */
  invalidMetadata: 'CATALOG.INVALID_METADATA',
  /** A GTIN (UPC/EAN) whose check digit does not match (422, field). */
  invalidUpc: 'CATALOG.INVALID_UPC',
  /** Not `CC-XXX-YY-NNNNN` (422, field). */
  invalidIsrc: 'CATALOG.INVALID_ISRC',
  /** Not `T-DDD.DDD.DDD-C` or a wrong check digit (422, field). */
  invalidIswc: 'CATALOG.INVALID_ISWC',
  /** Wrong ISNI check character or shape (422, field). */
  invalidIsni: 'CATALOG.INVALID_ISNI',
  /** Not an 11-digit IPI name number (422, field). */
  invalidIpi: 'CATALOG.INVALID_IPI',
  invalidTerritory: 'CATALOG.INVALID_TERRITORY',
  invalidLanguage: 'CATALOG.INVALID_LANGUAGE',
  /** The ISRC is used by another organisation's recording, or twice in one release (409, field). */
  duplicateIsrc: 'CATALOG.DUPLICATE_ISRC',
  /** The UPC belongs to another release (409, field). */
  duplicateUpc: 'CATALOG.DUPLICATE_UPC',
  releaseNotFound: 'CATALOG.RELEASE_NOT_FOUND',
  trackNotFound: 'CATALOG.TRACK_NOT_FOUND',
  artistNotFound: 'CATALOG.ARTIST_NOT_FOUND',
  versionNotFound: 'CATALOG.VERSION_NOT_FOUND',
  assetNotFound: 'CATALOG.ASSET_NOT_FOUND',
  /** The release exists already (409). */
  releaseExists: 'CATALOG.RELEASE_EXISTS',
  artistExists: 'CATALOG.ARTIST_EXISTS',
  /** The command does not apply in the release's current status (409), e.g. releasing a draft. */
  invalidTransition: 'CATALOG.INVALID_TRANSITION',
  /** Scheduling needs a complete release; `errors` lists what is missing (422). */
  releaseIncomplete: 'CATALOG.RELEASE_INCOMPLETE',
  /** A release moment falls inside an embargo for its territory (422, field). */
  releaseDateInEmbargo: 'CATALOG.RELEASE_DATE_IN_EMBARGO',
  /** An embargo ends before it starts, or overlaps another for the same territory (422, field). */
  invalidEmbargo: 'CATALOG.INVALID_EMBARGO',
  /** The release moment is in the past when scheduling (422, field `releaseAt`). */
  releaseDateInPast: 'CATALOG.RELEASE_DATE_IN_PAST',
  /** Publishing a draft that has no change since the last version (409). */
  nothingToPublish: 'CATALOG.NOTHING_TO_PUBLISH',
  /** The draft changed since the client read it (409, field `expectedRevision`). */
  staleRevision: 'CATALOG.STALE_REVISION',
  /** A batch edit or import preview no longer matches the catalog: re-run the preview (409). */
  planStale: 'CATALOG.PLAN_STALE',
  planNotFound: 'CATALOG.PLAN_NOT_FOUND',
  /** The plan was applied, discarded or expired already (409). */
  planClosed: 'CATALOG.PLAN_CLOSED',
  /** The plan has row or element errors and cannot be applied (422, `errors`). */
  planHasErrors: 'CATALOG.PLAN_HAS_ERRORS',
  /** A batch selects nothing, or more than the limit (422, field). */
  invalidBatch: 'CATALOG.INVALID_BATCH',
  /** The CSV is not RFC 4180 or lacks required columns (422, field `row:col`). */
  invalidCsv: 'CATALOG.INVALID_CSV',
  /** The XML is not well-formed, or breaks a limit (size, depth, text, entities) (422, field = element path). */
  invalidXml: 'CATALOG.INVALID_XML',
  /** The ERN message is well-formed but not a usable ERN 4 NewReleaseMessage (422, field = element path). */
  invalidErn: 'CATALOG.INVALID_ERN',
  /** An ERN reference (ResourceReference, PartyReference…) points to nothing (422, field = element path). */
  unknownErnReference: 'CATALOG.UNKNOWN_ERN_REFERENCE',
  /** The upload is not of an accepted type (by content, not by name) (415, field `contentType`). */
  unsupportedMediaType: 'CATALOG.UNSUPPORTED_MEDIA_TYPE',
  /** The upload is larger than allowed (413). */
  payloadTooLarge: 'CATALOG.PAYLOAD_TOO_LARGE',
  /** Artwork that is not square or smaller than the minimum (422, field). */
  invalidArtwork: 'CATALOG.INVALID_ARTWORK',
  /** The search query is empty or too long (400, field `q`). */
  invalidQuery: 'CATALOG.INVALID_QUERY',
  /** The storage backend failed (503). */
  storageUnavailable: 'CATALOG.STORAGE_UNAVAILABLE',
} as const;

/** A stable error code of the catalog context. */
export type CatalogErrorCode =
  (typeof CATALOG_ERROR_CODES)[keyof typeof CATALOG_ERROR_CODES] | `CATALOG.${Uppercase<string>}`;
