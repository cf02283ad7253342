import { Inject, Injectable } from '@nestjs/common';
import { type FieldError, type Page } from '@bandstand/shared/contracts';
import { KERNEL_CLOCK, KernelDatabase, type KernelClock } from '@bandstand/shared/event-store';
import { keysetPage } from '@bandstand/shared/http';
import {
  CATALOG_ERROR_CODES,
  type ChangePlan,
  type ChangePlanItem,
  type ChangePlanKind,
  type ChangePlanStatus,
  type FieldChange,
  type ReleaseDraft,
} from '@bandstand/catalog/contracts';
import { CatalogError, compareDrafts, draftsEqual, type ReleaseState } from '@bandstand/catalog/domain';
import { ArtistStream } from '../artists/artist-stream';
import { artistReferences } from '../releases/release-input';
import { type CatalogActor, ReleaseStream, releaseNotFound } from '../releases/release-stream';
import { type PlanDraft, type ProposedArtist } from './plan-proposal';

/** How long a previewed plan can be applied. */
export const PLAN_TTL_MS = 60 * 60 * 1000;
/** Items a plan's preview carries; the rest are paged with GET …/plans/:planId/items. */
export const PLAN_PREVIEW_ITEMS = 100;
/** How long a closed or expired plan is kept to be looked at before it is removed. */
export const PLAN_RETENTION_MS = 24 * 60 * 60 * 1000;

// Items are written and read in slices so that a 20,000-release plan is a few dozen statements,
// each with bounded parameters.
const ITEM_SLICE = 500;
const TRACK_PATH = /^tracks\[([^\]]+)\]/;

/** SQL rendering a timestamptz column as ISO 8601 in UTC. */
function isoUtc(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

interface PlanRow {
  readonly plan_id: string;
  readonly org_id: string;
  readonly kind: ChangePlanKind;
  readonly status: 'open' | 'applied' | 'discarded';
  readonly created_at: string;
  readonly expires_at: string;
  readonly applied_at: string | null;
  readonly summary: ChangePlan['summary'];
  readonly errors: readonly FieldError[];
  readonly new_artists: readonly ProposedArtist[];
}

const PLAN_COLUMNS = `plan_id, org_id, kind, status, ${isoUtc('created_at')} as created_at,
  ${isoUtc('expires_at')} as expires_at, ${isoUtc('applied_at')} as applied_at, summary, errors, new_artists`;

interface ItemRow {
  readonly item_index: number;
  readonly action: ChangePlanItem['action'];
  readonly release_id: string;
  readonly title: string;
  readonly upc: string | null;
  readonly source: string | null;
  readonly changes: readonly FieldChange[];
}

const ITEM_COLUMNS = 'item_index, action, release_id, title, upc, source, changes';

interface StoredItem {
  readonly index: number;
  readonly action: ChangePlanItem['action'];
  readonly releaseId: string;
  readonly expectedRevision: number | null;
  readonly draft: ReleaseDraft;
  readonly source: string | null;
  readonly changes: readonly FieldChange[];
}

function toItem(row: ItemRow): ChangePlanItem {
  return {
    index: row.item_index,
    action: row.action,
    releaseId: row.release_id,
    title: row.title,
    upc: row.upc,
    source: row.source,
    changes: row.changes,
  };
}

/** Tracks an item touches: every track of a new release, the tracks named by an update's changes. */
function tracksChanged(item: StoredItem): number {
  if (item.action === 'create') return item.draft.tracks.length;
  const tracks = new Set<string>();
  for (const change of item.changes) {
    const id = TRACK_PATH.exec(change.path)?.[1];
    if (id !== undefined) tracks.add(id);
  }
  return tracks.size;
}

function planNotFound(): CatalogError {
  return new CatalogError(CATALOG_ERROR_CODES.planNotFound, 'No such change plan in this organisation', {
    status: 404,
  });
}

/**
 * Change plans: previews of batch edits and imports, stored until applied (all or nothing, in one
 * transaction), discarded, or expired an hour after the preview.
 */
@Injectable()
export class ChangePlans {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
    @Inject(ReleaseStream) private readonly releases: ReleaseStream,
    @Inject(ArtistStream) private readonly artists: ArtistStream,
  ) {}

  /** Stores a previewed plan (drawing ids for new releases) and answers its preview. */
  async create(
    orgId: string,
    kind: ChangePlanKind,
    draft: PlanDraft,
    actor: CatalogActor,
  ): Promise<ChangePlan> {
    const now = this.clock.now();
    const planId = this.clock.newId();
    return this.db.transaction(async () => {
      const named = draft.proposals.flatMap((proposal) =>
        proposal.releaseId === null ? [] : [proposal.releaseId],
      );
      const current = await this.currentDrafts(orgId, named);
      const errors: FieldError[] = [...draft.errors];
      const seen = new Set<string>();
      const items = draft.proposals.map((proposal, index): StoredItem => {
        if (proposal.releaseId === null) {
          return {
            index,
            action: 'create',
            releaseId: this.clock.newId(),
            expectedRevision: null,
            draft: proposal.draft,
            source: proposal.source,
            changes: compareDrafts(null, proposal.draft),
          };
        }
        const existing = current.get(proposal.releaseId);
        if (existing === undefined) throw releaseNotFound();
        if (seen.has(proposal.releaseId)) {
          // Two items on one release would make the second stale the moment the first is applied.
          errors.push({
            field: proposal.source ?? `items.${index}`,
            code: CATALOG_ERROR_CODES.releaseExists,
            message: `Release "${existing.draft.title.text}" is changed twice in this plan`,
          });
        }
        seen.add(proposal.releaseId);
        // The diff runs once per release (a 1,000-release plan is previewed in one request); the
        // full comparison only confirms what an empty diff says.
        const changes = compareDrafts(existing.draft, proposal.draft);
        const unchanged = changes.length === 0 && draftsEqual(existing.draft, proposal.draft);
        return {
          index,
          action: unchanged ? 'unchanged' : 'update',
          releaseId: proposal.releaseId,
          expectedRevision: proposal.expectedRevision ?? existing.revision,
          draft: proposal.draft,
          source: proposal.source,
          changes,
        };
      });
      errors.push(...(await this.unknownArtists(orgId, draft)));
      const summary: ChangePlan['summary'] = {
        creates: items.filter((item) => item.action === 'create').length,
        updates: items.filter((item) => item.action === 'update').length,
        unchanged: items.filter((item) => item.action === 'unchanged').length,
        tracksChanged: items.reduce((total, item) => total + tracksChanged(item), 0),
        errors: errors.length,
      };
      await this.db.query('delete from catalog.change_plans where org_id = $1 and expires_at < $2', [
        orgId,
        new Date(now.getTime() - PLAN_RETENTION_MS),
      ]);
      await this.db.query(
        `insert into catalog.change_plans
           (plan_id, org_id, kind, status, created_by, created_at, expires_at, summary, errors, new_artists)
         values ($1, $2, $3, 'open', $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)`,
        [
          planId,
          orgId,
          kind,
          actor.actor,
          now,
          new Date(now.getTime() + PLAN_TTL_MS),
          JSON.stringify(summary),
          JSON.stringify(errors),
          JSON.stringify(draft.newArtists),
        ],
      );
      for (let start = 0; start < items.length; start += ITEM_SLICE) {
        await this.insertItems(planId, items.slice(start, start + ITEM_SLICE));
      }
      return this.get(orgId, planId);
    });
  }

  /** A plan of the organisation with its first items; CATALOG.PLAN_NOT_FOUND (404) otherwise. */
  async get(orgId: string, planId: string): Promise<ChangePlan> {
    const plan = await this.planRow(orgId, planId, false);
    const page = await this.page(plan, undefined, PLAN_PREVIEW_ITEMS);
    return {
      planId: plan.plan_id,
      orgId: plan.org_id,
      kind: plan.kind,
      status: this.statusOf(plan),
      createdAt: plan.created_at,
      expiresAt: plan.expires_at,
      appliedAt: plan.applied_at,
      summary: plan.summary,
      items: page.items,
      itemsNextCursor: page.nextCursor,
      errors: plan.errors,
    };
  }

  /** A page of a plan's items in order; `cursor` is the `nextCursor` of the previous page. */
  async items(
    orgId: string,
    planId: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<ChangePlanItem>> {
    return this.page(await this.planRow(orgId, planId, false), cursor, limit);
  }

  /**
   * Applies an open plan in one transaction: the new artists, then every item in order. Refuses a
   * closed or expired plan (CATALOG.PLAN_CLOSED), one with errors (CATALOG.PLAN_HAS_ERRORS) and one
   * whose releases were revised since the preview (CATALOG.PLAN_STALE); any failure writes nothing.
   */
  async apply(orgId: string, planId: string, actor: CatalogActor): Promise<ChangePlan> {
    return this.db.transaction(async () => {
      const plan = await this.openPlan(orgId, planId);
      if (plan.errors.length > 0) {
        throw new CatalogError(
          CATALOG_ERROR_CODES.planHasErrors,
          `The plan has ${plan.errors.length} error(s); correct them and preview again`,
          { status: 422, errors: plan.errors },
        );
      }
      // Unchanged items are checked too: the plan was previewed against revisions that must still hold.
      const stale = await this.db.query<{ item_index: number; title: string }>(
        `select i.item_index, i.title from catalog.change_plan_items i
           left join catalog.releases r on r.release_id = i.release_id and r.org_id = $2
          where i.plan_id = $1 and i.action <> 'create' and r.revision is distinct from i.expected_revision
          order by i.item_index limit 1`,
        [planId, orgId],
      );
      const first = stale[0];
      if (first !== undefined) throw this.planStale(first.item_index, first.title);
      for (const artist of plan.new_artists) {
        await this.artists.run(orgId, artist.artistId, actor, {
          kind: 'CreateArtist',
          artistId: artist.artistId,
          orgId,
          profile: artist.profile,
        });
      }
      const source = plan.kind;
      for (let after = -1; ;) {
        const rows = await this.db.query<{
          item_index: number;
          action: 'create' | 'update';
          release_id: string;
          expected_revision: number | null;
          title: string;
          draft: ReleaseDraft;
        }>(
          `select item_index, action, release_id, expected_revision, title, draft from catalog.change_plan_items
            where plan_id = $1 and item_index > $2 and action <> 'unchanged' order by item_index limit $3`,
          [planId, after, ITEM_SLICE],
        );
        for (const row of rows) {
          if (row.action === 'create') {
            await this.releases.run(orgId, row.release_id, actor, {
              kind: 'CreateRelease',
              releaseId: row.release_id,
              orgId,
              draft: row.draft,
              source,
              planId,
            });
          } else {
            // The stream, not the read model, is the authority: a revision that committed after the
            // check above is caught here, inside the decision.
            await this.releases.run(orgId, row.release_id, actor, (state: ReleaseState) => {
              if (state.revision !== row.expected_revision) throw this.planStale(row.item_index, row.title);
              return { kind: 'ReviseDraft', expectedRevision: null, draft: row.draft, source, planId };
            });
          }
        }
        const last = rows[rows.length - 1];
        if (last === undefined) break;
        after = last.item_index;
      }
      await this.db.query(
        `update catalog.change_plans set status = 'applied', applied_at = $2 where plan_id = $1`,
        [planId, this.clock.now()],
      );
      return this.get(orgId, planId);
    });
  }

  /** Discards an open plan; CATALOG.PLAN_CLOSED when it was applied, discarded or expired already. */
  async discard(orgId: string, planId: string): Promise<void> {
    await this.db.transaction(async () => {
      await this.openPlan(orgId, planId);
      await this.db.query(`update catalog.change_plans set status = 'discarded' where plan_id = $1`, [
        planId,
      ]);
    });
  }

  private async currentDrafts(
    orgId: string,
    releaseIds: readonly string[],
  ): Promise<ReadonlyMap<string, { readonly revision: number; readonly draft: ReleaseDraft }>> {
    if (releaseIds.length === 0) return new Map();
    const rows = await this.db.query<{ release_id: string; revision: number; draft: ReleaseDraft }>(
      'select release_id, revision, draft from catalog.releases where org_id = $1 and release_id = any($2::text[])',
      [orgId, [...new Set(releaseIds)]],
    );
    return new Map(rows.map((row) => [row.release_id, { revision: row.revision, draft: row.draft }]));
  }

  // A plan may only link the organisation's own artists, or those it creates itself.
  private async unknownArtists(orgId: string, draft: PlanDraft): Promise<FieldError[]> {
    const proposed = new Set(draft.newArtists.map((artist) => artist.artistId));
    const references = draft.proposals.flatMap((proposal, index) =>
      artistReferences(proposal.draft)
        .filter((reference) => !proposed.has(reference.artistId))
        .map((reference) => ({ ...reference, at: proposal.source ?? `items.${index}` })),
    );
    if (references.length === 0) return [];
    const rows = await this.db.query<{ artist_id: string }>(
      'select artist_id from catalog.artists where org_id = $1 and artist_id = any($2::text[])',
      [orgId, [...new Set(references.map((reference) => reference.artistId))]],
    );
    const known = new Set(rows.map((row) => row.artist_id));
    return references
      .filter((reference) => !known.has(reference.artistId))
      .map((reference) => ({
        field: reference.at,
        code: CATALOG_ERROR_CODES.artistNotFound,
        message: `No artist ${reference.artistId} in this organisation (${reference.path})`,
      }));
  }

  private async insertItems(planId: string, items: readonly StoredItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.db.query(
      `insert into catalog.change_plan_items
         (plan_id, item_index, action, release_id, expected_revision, title, upc, draft, source, changes)
       select $1, item.item_index, item.action, item.release_id, item.expected_revision, item.title, item.upc,
              item.draft::jsonb, item.source, item.changes::jsonb
         from unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[],
                     $10::text[])
           as item (item_index, action, release_id, expected_revision, title, upc, draft, source, changes)`,
      [
        planId,
        items.map((item) => item.index),
        items.map((item) => item.action),
        items.map((item) => item.releaseId),
        items.map((item) => item.expectedRevision),
        items.map((item) => item.draft.title.text),
        items.map((item) => item.draft.upc),
        items.map((item) => JSON.stringify(item.draft)),
        items.map((item) => item.source),
        items.map((item) => JSON.stringify(item.changes)),
      ],
    );
  }

  private async page(
    plan: PlanRow,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<ChangePlanItem>> {
    const after = cursor === undefined ? -1 : Number(cursor);
    const rows = await this.db.query<ItemRow>(
      `select ${ITEM_COLUMNS} from catalog.change_plan_items
        where plan_id = $1 and item_index > $2 order by item_index limit $3`,
      [plan.plan_id, after, limit + 1],
    );
    return keysetPage(rows, limit, toItem, (last) => String(last.item_index));
  }

  private async planRow(orgId: string, planId: string, lock: boolean): Promise<PlanRow> {
    const rows = await this.db.query<PlanRow>(
      `select ${PLAN_COLUMNS} from catalog.change_plans where plan_id = $1 and org_id = $2${lock ? ' for update' : ''}`,
      [planId, orgId],
    );
    const row = rows[0];
    if (row === undefined) throw planNotFound();
    return row;
  }

  // The row lock makes a second apply or discard of the same plan wait, then see it closed.
  private async openPlan(orgId: string, planId: string): Promise<PlanRow> {
    const plan = await this.planRow(orgId, planId, true);
    const status = this.statusOf(plan);
    if (status !== 'open') {
      throw new CatalogError(CATALOG_ERROR_CODES.planClosed, `The plan is ${status}; preview again`, {
        status: 409,
      });
    }
    return plan;
  }

  private statusOf(plan: PlanRow): ChangePlanStatus {
    if (plan.status !== 'open') return plan.status;
    return new Date(plan.expires_at).getTime() <= this.clock.now().getTime() ? 'expired' : 'open';
  }

  private planStale(index: number, title: string): CatalogError {
    return new CatalogError(
      CATALOG_ERROR_CODES.planStale,
      `Release "${title}" was changed since the preview; preview again`,
      { status: 409, field: `items.${index}` },
    );
  }
}
