import { Inject, Injectable } from '@nestjs/common';
import { type FieldError } from '@bandstand/shared/contracts';
import { KernelDatabase } from '@bandstand/shared/event-store';
import {
  CATALOG_ERROR_CODES,
  type ChangePlan,
  MAX_BATCH_ITEMS,
  type ReleaseDraft,
} from '@bandstand/catalog/contracts';
import {
  applyReleaseBatch,
  applyTrackBatch,
  CatalogError,
  parseReleaseBatchFields,
  parseTrackBatchFields,
} from '@bandstand/catalog/domain';
import { type CatalogActor } from '../releases/release-stream';
import { ChangePlans } from './change-plans.service';
import { type PlanProposal } from './plan-proposal';

/** A batch edit as received: `set` is checked here, by the domain's batch parsers. */
export interface BatchEditInput {
  readonly target: 'tracks' | 'releases';
  readonly ids: readonly string[];
  readonly set: unknown;
}

interface ReleaseRow {
  readonly release_id: string;
  readonly revision: number;
  readonly draft: ReleaseDraft;
}

function invalidBatch(message: string, errors: readonly FieldError[]): CatalogError {
  return new CatalogError(CATALOG_ERROR_CODES.invalidBatch, message, { status: 422, errors });
}

/** Sorts releases by where the selection first names them (one of their tracks, or themselves). */
function inSelectionOrder<T>(rows: T[], ids: readonly string[], named: (row: T) => readonly string[]): void {
  const place = new Map<string, number>();
  ids.forEach((id, index) => {
    if (!place.has(id)) place.set(id, index);
  });
  const first = (row: T): number => Math.min(...named(row).map((id) => place.get(id) ?? Infinity));
  rows.sort((a, b) => first(a) - first(b));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Batch edits: one change to many selected tracks or releases, previewed as a change plan with one
 * item per touched release (its whole new draft, against the revision read here).
 */
@Injectable()
export class BatchEdits {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(ChangePlans) private readonly plans: ChangePlans,
  ) {}

  /**
   * Previews `request` for the organisation: CATALOG.INVALID_BATCH (field `ids` or `ids.<i>`) for an
   * empty or oversized selection or an id that is not the organisation's, CATALOG.INVALID_METADATA
   * (fields `set.<field>`) for values the drafts cannot take.
   */
  async preview(orgId: string, request: BatchEditInput, actor: CatalogActor): Promise<ChangePlan> {
    const ids = request.ids;
    if (ids.length === 0 || ids.length > MAX_BATCH_ITEMS) {
      throw invalidBatch(`Select between 1 and ${MAX_BATCH_ITEMS} ${request.target}`, [
        {
          field: 'ids',
          code: CATALOG_ERROR_CODES.invalidBatch,
          message: `Select between 1 and ${MAX_BATCH_ITEMS} ${request.target}`,
        },
      ]);
    }
    const proposals =
      request.target === 'tracks'
        ? await this.trackProposals(orgId, ids, request.set)
        : await this.releaseProposals(orgId, ids, request.set);
    return this.plans.create(orgId, 'batch', { proposals, newArtists: [], errors: [] }, actor);
  }

  private async trackProposals(orgId: string, ids: readonly string[], set: unknown): Promise<PlanProposal[]> {
    const fields = parseTrackBatchFields(set);
    if (!fields.ok) throw this.invalidFields(fields.errors);
    await this.refuseUnknownArtists(orgId, fields.value.addContributors ?? []);
    // One statement reads every selected track's release with its draft, whatever the selection size.
    const rows = await this.db.query<ReleaseRow & { readonly track_ids: string[] }>(
      `select r.release_id, r.revision, r.draft, array_agg(t.track_id order by t.position) as track_ids
         from catalog.release_tracks t join catalog.releases r on r.release_id = t.release_id
        where t.org_id = $1 and r.org_id = $1 and t.track_id = any($2::text[])
        group by r.release_id`,
      [orgId, [...new Set(ids)]],
    );
    inSelectionOrder(rows, ids, (row) => row.track_ids);
    this.refuseUnknown(ids, new Set(rows.flatMap((row) => row.track_ids)), 'track');
    return rows.map((row) => ({
      releaseId: row.release_id,
      expectedRevision: row.revision,
      draft: applyTrackBatch(row.draft, new Set(row.track_ids), fields.value),
      source: plural(row.track_ids.length, 'selected track'),
    }));
  }

  private async releaseProposals(
    orgId: string,
    ids: readonly string[],
    set: unknown,
  ): Promise<PlanProposal[]> {
    const fields = parseReleaseBatchFields(set);
    if (!fields.ok) throw this.invalidFields(fields.errors);
    const rows = await this.db.query<ReleaseRow>(
      `select release_id, revision, draft from catalog.releases
        where org_id = $1 and release_id = any($2::text[])`,
      [orgId, [...new Set(ids)]],
    );
    inSelectionOrder(rows, ids, (row) => [row.release_id]);
    this.refuseUnknown(ids, new Set(rows.map((row) => row.release_id)), 'release');
    return rows.map((row) => ({
      releaseId: row.release_id,
      expectedRevision: row.revision,
      draft: applyReleaseBatch(row.draft, fields.value),
      source: null,
    }));
  }

  // Another organisation's id is reported exactly like an unknown one, so ids never leak across tenants.
  private refuseUnknown(ids: readonly string[], found: ReadonlySet<string>, noun: string): void {
    const errors = ids.flatMap((id, index): FieldError[] =>
      found.has(id)
        ? []
        : [
            {
              field: `ids.${index}`,
              code: CATALOG_ERROR_CODES.invalidBatch,
              message: `No such ${noun} in this organisation`,
            },
          ],
    );
    if (errors.length > 0) throw invalidBatch(`${plural(errors.length, `unknown ${noun}`)} selected`, errors);
  }

  // Credits may link a catalog artist; only the organisation's own.
  private async refuseUnknownArtists(
    orgId: string,
    contributors: readonly { readonly artistId: string | null }[],
  ): Promise<void> {
    const ids = contributors.flatMap((contributor) =>
      contributor.artistId === null ? [] : [contributor.artistId],
    );
    if (ids.length === 0) return;
    const rows = await this.db.query<{ artist_id: string }>(
      'select artist_id from catalog.artists where org_id = $1 and artist_id = any($2::text[])',
      [orgId, ids],
    );
    const known = new Set(rows.map((row) => row.artist_id));
    const errors = contributors.flatMap((contributor, index): FieldError[] =>
      contributor.artistId === null || known.has(contributor.artistId)
        ? []
        : [
            {
              field: `set.addContributors.${index}.artistId`,
              code: CATALOG_ERROR_CODES.artistNotFound,
              message: 'No such artist in this organisation',
            },
          ],
    );
    if (errors.length > 0) {
      throw new CatalogError(
        CATALOG_ERROR_CODES.artistNotFound,
        'The change names artists this organisation does not have',
        {
          status: 422,
          errors,
        },
      );
    }
  }

  private invalidFields(errors: readonly FieldError[]): CatalogError {
    return new CatalogError(CATALOG_ERROR_CODES.invalidMetadata, 'The batch change is invalid', {
      status: 422,
      errors,
    });
  }
}
