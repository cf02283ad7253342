import { Inject, Injectable } from '@nestjs/common';
import { type FieldError } from '@bandstand/shared/contracts';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { CATALOG_ERROR_CODES, type CatalogErrorCode, type ReleaseDraft } from '@bandstand/catalog/contracts';
import { CatalogError, type Parsed, parseReleaseDraft } from '@bandstand/catalog/domain';
import { releaseNotFound } from './release-stream';

/** Field errors with their paths put under `prefix` (`tracks.2.isrc` → `draft.tracks.2.isrc`). */
export function underField(prefix: string | null, errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => ({
    ...error,
    field: prefix === null ? error.field : error.field === '' ? prefix : `${prefix}.${error.field}`,
  }));
}

/**
 * A 422 naming every field error, paths under `prefix`. Its code is the errors' own when they all share
 * one catalog code (a bad UPC check digit alone answers CATALOG.INVALID_UPC, an ISRC twice in the draft
 * CATALOG.DUPLICATE_ISRC), else CATALOG.INVALID_METADATA.
 */
export function invalidMetadata(errors: readonly FieldError[], prefix: string | null): CatalogError {
  const named = underField(prefix, errors);
  const codes = new Set(named.map((error) => error.code));
  const [only] = codes;
  const code: CatalogErrorCode =
    codes.size === 1 && only !== undefined && isCatalogCode(only)
      ? only
      : CATALOG_ERROR_CODES.invalidMetadata;
  return new CatalogError(
    code,
    named.length === 1 ? (named[0]?.message ?? 'A field is invalid') : `${named.length} fields are invalid`,
    { status: 422, ...(named[0] === undefined ? {} : { field: named[0].field }), errors: named },
  );
}

function isCatalogCode(code: string): code is CatalogErrorCode {
  return code.startsWith('CATALOG.');
}

/** The parsed value, or CATALOG.INVALID_METADATA with every error under `prefix`. */
export function parsedOrThrow<T>(parsed: Parsed<T>, prefix: string | null): T {
  if (!parsed.ok) throw invalidMetadata(parsed.errors, prefix);
  return parsed.value;
}

/** A catalog artist id a draft names, where it names it (a path inside the draft: `artistIds.0`). */
export interface ArtistReference {
  readonly path: string;
  readonly artistId: string;
}

/** Every artist id a draft names: its artists and the credits of the release and of each track. */
export function artistReferences(draft: ReleaseDraft): ArtistReference[] {
  const references: ArtistReference[] = draft.artistIds.map((artistId, index) => ({
    path: `artistIds.${index}`,
    artistId,
  }));
  draft.contributors.forEach((contributor, index) => {
    if (contributor.artistId !== null) {
      references.push({ path: `contributors.${index}.artistId`, artistId: contributor.artistId });
    }
  });
  draft.tracks.forEach((track, trackIndex) => {
    track.contributors.forEach((contributor, index) => {
      if (contributor.artistId !== null) {
        references.push({
          path: `tracks.${trackIndex}.contributors.${index}.artistId`,
          artistId: contributor.artistId,
        });
      }
    });
  });
  return references;
}

/**
 * Drafts as the releases' handlers take them: parsed strictly by the domain, with every artist they
 * name looked up in the organisation (in the caller's transaction), errors named by their place in
 * the request body.
 */
@Injectable()
export class ReleaseDrafts {
  constructor(@Inject(KernelDatabase) private readonly db: KernelDatabase) {}

  /** Parses `input` as the next state of `previous` (null: a new release) and checks its artists. */
  async parse(
    orgId: string,
    input: unknown,
    previous: ReleaseDraft | null,
    newId: () => string,
    prefix: string,
  ): Promise<ReleaseDraft> {
    const draft = parsedOrThrow(parseReleaseDraft(input, { previous, newId }), prefix);
    const missing = await this.unknownArtists(orgId, draft);
    if (missing.length > 0) {
      const errors = underField(
        prefix,
        missing.map((reference) => ({
          field: reference.path,
          code: CATALOG_ERROR_CODES.artistNotFound,
          message: `No artist ${reference.artistId} in this organisation`,
        })),
      );
      throw new CatalogError(
        CATALOG_ERROR_CODES.artistNotFound,
        'The draft names artists this organisation does not have',
        {
          status: 422,
          ...(errors[0] === undefined ? {} : { field: errors[0].field }),
          errors,
        },
      );
    }
    return draft;
  }

  /** The references of `draft` to artists the organisation does not have. */
  async unknownArtists(orgId: string, draft: ReleaseDraft): Promise<ArtistReference[]> {
    const references = artistReferences(draft);
    if (references.length === 0) return [];
    const rows = await this.db.query<{ artist_id: string }>(
      'select artist_id from catalog.artists where org_id = $1 and artist_id = any($2::text[])',
      [orgId, [...new Set(references.map((reference) => reference.artistId))]],
    );
    const known = new Set(rows.map((row) => row.artist_id));
    return references.filter((reference) => !known.has(reference.artistId));
  }

  /** The organisation's current draft of a release, read in the caller's transaction; 404 otherwise. */
  async current(
    orgId: string,
    releaseId: string,
  ): Promise<{ readonly draft: ReleaseDraft; readonly revision: number }> {
    const rows = await this.db.query<{ draft: ReleaseDraft; revision: number }>(
      'select draft, revision from catalog.releases where org_id = $1 and release_id = $2',
      [orgId, releaseId],
    );
    const row = rows[0];
    if (row === undefined) throw releaseNotFound();
    return row;
  }
}
