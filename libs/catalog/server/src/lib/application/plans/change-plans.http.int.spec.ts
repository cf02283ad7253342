import {
  type ChangePlan,
  type ChangePlanItem,
  orgCatalogPath,
  type ReleaseDetail,
  type ReleaseDraftInput,
  type ReleaseHistoryEntry,
} from '@bandstand/catalog/contracts';
import { type Page, type ProblemDetails } from '@bandstand/shared/contracts';
import {
  type CatalogTestApp,
  CATALOG_TEST_NOW,
  startCatalogTestApp,
  testUpc,
} from '../../testing/catalog.test-kit';
import { artistsArea } from '../artists/artists.area';
import { userActor } from '../releases/release-stream';
import { releasesArea } from '../releases/releases.area';
import { ChangePlans, PLAN_RETENTION_MS, PLAN_TTL_MS } from './change-plans.service';
import { ERN_IMPORTER } from './plan-proposal';
import { plansArea } from './plans.area';

// Batch edits and the life of a change plan over HTTP: preview, diffs, apply all or nothing, stale
// and expired plans, and who may do what.

const ORG = 'org-night-owls';
const OTHER = 'org-elsewhere';
const EDITOR = 'user-editor';
const READER = 'user-reader';
const OUTSIDER = 'user-outsider';
const CATALOG = orgCatalogPath(ORG);

let serial = 0;

/** A GTIN-12 with its check digit, different on every call. */
function nextUpc(): string {
  serial += 1;
  return testUpc(`1${String(serial).padStart(10, '0')}`);
}

function draftInput(title: string, trackTitles: readonly string[]): ReleaseDraftInput {
  serial += 1;
  return {
    type: 'ep',
    title,
    displayArtist: 'Aurora Lane',
    upc: nextUpc(),
    genre: 'Electronic',
    languages: ['en'],
    tracks: trackTitles.map((trackTitle, index) => ({
      title: trackTitle,
      isrc: `NOAB1${String(serial * 100 + index).padStart(7, '0')}`,
      durationMs: 200_000,
      genre: 'Electronic',
    })),
  };
}

describe('batch edits and change plans', () => {
  let test: CatalogTestApp;

  function createRelease(title: string, tracks: readonly string[], orgId = ORG): Promise<ReleaseDetail> {
    return test.createRelease(orgId, orgId === ORG ? EDITOR : OUTSIDER, draftInput(title, tracks));
  }

  async function release(releaseId: string): Promise<ReleaseDetail> {
    const reply = await test.request<ReleaseDetail>({
      method: 'GET',
      url: `${CATALOG}/releases/${releaseId}`,
      user: EDITOR,
    });
    expect(reply.status).toBe(200);
    return reply.body;
  }

  function batchEdit<T = ChangePlan>(body: unknown, user = EDITOR) {
    return test.request<T>({ method: 'POST', url: `${CATALOG}/batch-edits`, user, body });
  }

  function apply<T = ChangePlan>(planId: string, user = EDITOR) {
    return test.request<T>({ method: 'POST', url: `${CATALOG}/plans/${planId}/apply`, user });
  }

  async function eventCount(): Promise<number> {
    const rows = await test.db.query<{ count: string }>(
      "select count(*) from kernel.events where stream_id like 'catalog-%'",
    );
    return Number(rows[0]?.count);
  }

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea, plansArea],
      http: true,
      // The ERN importer is the ern area's; these tests import nothing.
      providers: [
        { provide: ERN_IMPORTER, useValue: { plan: () => Promise.reject(new Error('no ERN here')) } },
      ],
      teams: { [ORG]: { [EDITOR]: 'editor', [READER]: 'reader' }, [OTHER]: { [OUTSIDER]: 'owner' } },
    });
  });

  beforeEach(() => {
    test.clock.set(CATALOG_TEST_NOW);
  });

  afterAll(async () => {
    await test?.close();
  });

  it('previews a track batch as one item per release with field diffs, then applies it as batch revisions', async () => {
    const first = await createRelease('Night Drive', ['Headlights', 'Overpass']);
    const second = await createRelease('Low Tide', ['Undertow', 'Driftwood']);
    const [headlights, overpass] = first.draft.tracks;
    const [undertow, driftwood] = second.draft.tracks;
    if (!headlights || !overpass || !undertow || !driftwood) throw new Error('tracks missing');

    const preview = await batchEdit({
      target: 'tracks',
      ids: [headlights.trackId, undertow.trackId, driftwood.trackId],
      set: { genre: 'Jazz', parentalWarning: 'explicit' },
    });
    expect(preview.status).toBe(201);
    const plan = preview.body;
    expect(plan).toMatchObject({
      orgId: ORG,
      kind: 'batch',
      status: 'open',
      createdAt: CATALOG_TEST_NOW,
      expiresAt: '2027-03-01T13:00:00.000Z',
      appliedAt: null,
      summary: { creates: 0, updates: 2, unchanged: 0, tracksChanged: 3, errors: 0 },
      errors: [],
    });
    expect(
      plan.items.map((item) => [item.index, item.action, item.releaseId, item.title, item.source]),
    ).toEqual([
      [0, 'update', first.releaseId, 'Night Drive', '1 selected track'],
      [1, 'update', second.releaseId, 'Low Tide', '2 selected tracks'],
    ]);
    expect(plan.items[0]?.changes).toEqual(
      expect.arrayContaining([
        { path: `tracks[${headlights.trackId}].genre`, before: 'Electronic', after: 'Jazz' },
        { path: `tracks[${headlights.trackId}].parentalWarning`, before: 'not-explicit', after: 'explicit' },
      ]),
    );
    expect(plan.items[0]?.changes.some((change) => change.path.includes(overpass.trackId))).toBe(false);
    // Nothing changes before the plan is applied.
    expect((await release(first.releaseId)).revision).toBe(1);

    const applied = await apply(plan.planId);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ status: 'applied', appliedAt: CATALOG_TEST_NOW });
    const after = await release(first.releaseId);
    expect(after.revision).toBe(2);
    expect(after.draft.tracks.map((track) => [track.genre, track.parentalWarning])).toEqual([
      ['Jazz', 'explicit'],
      ['Electronic', 'not-explicit'],
    ]);
    expect((await release(second.releaseId)).draft.tracks.map((track) => track.genre)).toEqual([
      'Jazz',
      'Jazz',
    ]);
    const history = await test.request<Page<ReleaseHistoryEntry> | ReleaseHistoryEntry[]>({
      method: 'GET',
      url: `${CATALOG}/releases/${first.releaseId}/history`,
      user: EDITOR,
    });
    const entries = Array.isArray(history.body) ? history.body : history.body.items;
    expect(entries[0]).toMatchObject({ type: 'revised', revision: 2, source: 'batch', planId: plan.planId });

    const again = await apply<ProblemDetails>(plan.planId);
    expect([again.status, again.body.code]).toEqual([409, 'CATALOG.PLAN_CLOSED']);
  });

  it('previews a release batch, marks releases already so as unchanged, and leaves them alone', async () => {
    const jazz = await createRelease('Blue Hour', ['Dusk']);
    const other = await createRelease('Red Hour', ['Dawn']);
    const set = { genre: 'Electronic', labelName: 'Night Owls' };
    const first = await batchEdit({ target: 'releases', ids: [jazz.releaseId], set });
    expect((await apply(first.body.planId)).status).toBe(200);

    const preview = await batchEdit({ target: 'releases', ids: [jazz.releaseId, other.releaseId], set });
    expect(preview.body.summary).toEqual({
      creates: 0,
      updates: 1,
      unchanged: 1,
      tracksChanged: 0,
      errors: 0,
    });
    expect(preview.body.items.map((item) => [item.releaseId, item.action, item.changes])).toEqual([
      [jazz.releaseId, 'unchanged', []],
      [other.releaseId, 'update', [{ path: 'labelName', before: null, after: 'Night Owls' }]],
    ]);
    expect((await apply(preview.body.planId)).status).toBe(200);
    expect((await release(jazz.releaseId)).revision).toBe(2);
    expect((await release(other.releaseId)).revision).toBe(2);
  });

  it("refuses an empty selection, unknown ids and another organisation's ids by their place", async () => {
    const mine = await createRelease('Mine', ['One']);
    const theirs = await createRelease('Theirs', ['Two'], OTHER);
    const empty = await batchEdit<ProblemDetails>({ target: 'tracks', ids: [], set: { genre: 'Jazz' } });
    expect([empty.status, empty.body.code, empty.body.errors?.map((error) => error.field)]).toEqual([
      422,
      'CATALOG.INVALID_BATCH',
      ['ids'],
    ]);
    const unknown = await batchEdit<ProblemDetails>({
      target: 'tracks',
      ids: [mine.draft.tracks[0]?.trackId, 'no-such-track', theirs.draft.tracks[0]?.trackId],
      set: { genre: 'Jazz' },
    });
    expect([unknown.status, unknown.body.code, unknown.body.errors?.map((error) => error.field)]).toEqual([
      422,
      'CATALOG.INVALID_BATCH',
      ['ids.1', 'ids.2'],
    ]);
    const releases = await batchEdit<ProblemDetails>({
      target: 'releases',
      ids: [theirs.releaseId],
      set: { genre: 'Jazz' },
    });
    expect(releases.body.errors?.map((error) => error.field)).toEqual(['ids.0']);
    const badSet = await batchEdit<ProblemDetails>({
      target: 'tracks',
      ids: [mine.draft.tracks[0]?.trackId],
      set: { parentalWarning: 'very' },
    });
    expect([badSet.status, badSet.body.code, badSet.body.errors?.map((error) => error.field)]).toEqual([
      422,
      'CATALOG.INVALID_METADATA',
      ['set.parentalWarning'],
    ]);
    const unknownField = await batchEdit<ProblemDetails>({ target: 'tracks', ids: [], set: {}, extra: 1 });
    expect([unknownField.status, unknownField.body.code]).toEqual([400, 'VALIDATION.FAILED']);
  });

  it('refuses a plan whose release was revised after the preview, and applies none of it', async () => {
    const first = await createRelease('Stale One', ['A']);
    const second = await createRelease('Stale Two', ['B']);
    const preview = await batchEdit({
      target: 'releases',
      ids: [first.releaseId, second.releaseId],
      set: { genre: 'Ambient' },
    });
    const current = await release(second.releaseId);
    const revised = await test.request<ReleaseDetail>({
      method: 'PUT',
      url: `${CATALOG}/releases/${second.releaseId}/draft`,
      user: EDITOR,
      body: {
        expectedRevision: current.revision,
        draft: { ...current.draft, labelName: 'Edited meanwhile' },
      },
    });
    expect(revised.status).toBe(200);
    const events = await eventCount();

    const refused = await apply<ProblemDetails>(preview.body.planId);
    expect([refused.status, refused.body.code, refused.body.errors?.map((error) => error.field)]).toEqual([
      409,
      'CATALOG.PLAN_STALE',
      ['items.1'],
    ]);
    expect(await eventCount()).toBe(events);
    expect((await release(first.releaseId)).draft.genre).toBe('Electronic');
    expect((await release(second.releaseId)).revision).toBe(2);
    const plan = await test.request<ChangePlan>({
      method: 'GET',
      url: `${CATALOG}/plans/${preview.body.planId}`,
      user: EDITOR,
    });
    expect(plan.body.status).toBe('open');
  });

  it('applies all or nothing: when the third item fails, no event, row or plan status changes', async () => {
    const first = await createRelease('Whole One', ['A']);
    const second = await createRelease('Whole Two', ['B']);
    const plans = test.app.get(ChangePlans);
    const upc = nextUpc();
    const base = { ...first.draft, upc };
    const actor = userActor(EDITOR, 'corr-all-or-nothing');
    // The third item creates a release with the UPC the first gives its release: the platform-wide
    // UPC rule refuses it only when applying, after two items have been written.
    const plan = await plans.create(
      ORG,
      'batch',
      {
        proposals: [
          { releaseId: first.releaseId, expectedRevision: first.revision, draft: base, source: null },
          {
            releaseId: second.releaseId,
            expectedRevision: second.revision,
            draft: { ...second.draft, genre: 'Ambient' },
            source: null,
          },
          {
            releaseId: null,
            expectedRevision: null,
            draft: { ...base, title: { text: 'Clash', language: null, translations: [] }, tracks: [] },
            source: null,
          },
        ],
        newArtists: [],
        errors: [],
      },
      actor,
    );
    expect(plan.summary).toMatchObject({ creates: 1, updates: 2, errors: 0 });
    const events = await eventCount();
    const rows = await test.db.query<{ release_id: string; revision: number; upc: string | null }>(
      'select release_id, revision, upc from catalog.releases where org_id = $1 order by release_id',
      [ORG],
    );

    const refused = await apply<ProblemDetails>(plan.planId);
    expect([refused.status, refused.body.code]).toEqual([409, 'CATALOG.DUPLICATE_UPC']);
    expect(await eventCount()).toBe(events);
    expect(
      await test.db.query(
        'select release_id, revision, upc from catalog.releases where org_id = $1 order by release_id',
        [ORG],
      ),
    ).toEqual(rows);
    expect((await plans.get(ORG, plan.planId)).status).toBe('open');
  });

  it('expires a plan an hour after the preview, and can discard an open one', async () => {
    const one = await createRelease('Late', ['A']);
    const preview = await batchEdit({ target: 'releases', ids: [one.releaseId], set: { genre: 'Late' } });
    test.clock.advance(PLAN_TTL_MS);
    const expired = await apply<ProblemDetails>(preview.body.planId);
    expect([expired.status, expired.body.code]).toEqual([409, 'CATALOG.PLAN_CLOSED']);
    const shown = await test.request<ChangePlan>({
      method: 'GET',
      url: `${CATALOG}/plans/${preview.body.planId}`,
      user: READER,
    });
    expect(shown.body.status).toBe('expired');
    expect((await release(one.releaseId)).revision).toBe(1);

    test.clock.set(CATALOG_TEST_NOW);
    const second = await batchEdit({ target: 'releases', ids: [one.releaseId], set: { genre: 'Late' } });
    const discarded = await test.request({
      method: 'DELETE',
      url: `${CATALOG}/plans/${second.body.planId}`,
      user: EDITOR,
    });
    expect(discarded.status).toBe(204);
    const closed = await apply<ProblemDetails>(second.body.planId);
    expect([closed.status, closed.body.code]).toEqual([409, 'CATALOG.PLAN_CLOSED']);
    const again = await test.request<ProblemDetails>({
      method: 'DELETE',
      url: `${CATALOG}/plans/${second.body.planId}`,
      user: EDITOR,
    });
    expect(again.body.code).toBe('CATALOG.PLAN_CLOSED');
  });

  it('removes plans a day after they expired, when the organisation previews again', async () => {
    const one = await createRelease('Forgotten', ['A']);
    const old = await batchEdit({ target: 'releases', ids: [one.releaseId], set: { genre: 'Old' } });
    test.clock.advance(PLAN_TTL_MS + PLAN_RETENTION_MS + 1);
    const kept = await test.request<ChangePlan>({
      method: 'GET',
      url: `${CATALOG}/plans/${old.body.planId}`,
      user: EDITOR,
    });
    expect(kept.body.status).toBe('expired');
    expect(
      (await batchEdit({ target: 'releases', ids: [one.releaseId], set: { genre: 'New' } })).status,
    ).toBe(201);
    const gone = await test.request<ProblemDetails>({
      method: 'GET',
      url: `${CATALOG}/plans/${old.body.planId}`,
      user: EDITOR,
    });
    expect([gone.status, gone.body.code]).toEqual([404, 'CATALOG.PLAN_NOT_FOUND']);
  });

  it("reports a proposal naming another organisation's artist as an error of the plan", async () => {
    const one = await createRelease('Borrowed', ['A']);
    const plan = await test.app.get(ChangePlans).create(
      ORG,
      'batch',
      {
        proposals: [
          {
            releaseId: one.releaseId,
            expectedRevision: one.revision,
            draft: { ...one.draft, artistIds: ['artist-of-someone-else'] },
            source: null,
          },
        ],
        newArtists: [],
        errors: [],
      },
      userActor(EDITOR, 'corr-foreign-artist'),
    );
    expect(plan.errors.map((error) => [error.field, error.code])).toEqual([
      ['items.0', 'CATALOG.ARTIST_NOT_FOUND'],
    ]);
    expect(plan.summary.errors).toBe(1);
  });

  it('pages through the items of a plan', async () => {
    const ids = [];
    for (const title of ['P1', 'P2', 'P3']) ids.push((await createRelease(title, ['T'])).releaseId);
    const preview = await batchEdit({ target: 'releases', ids, set: { subgenre: 'Paged' } });
    const url = `${CATALOG}/plans/${preview.body.planId}/items`;
    const first = await test.request<Page<ChangePlanItem>>({
      method: 'GET',
      url: `${url}?limit=2`,
      user: READER,
    });
    expect(first.body.items.map((item) => item.releaseId)).toEqual(ids.slice(0, 2));
    expect(first.body.nextCursor).not.toBeNull();
    const rest = await test.request<Page<ChangePlanItem>>({
      method: 'GET',
      url: `${url}?limit=2&cursor=${first.body.nextCursor ?? ''}`,
      user: READER,
    });
    expect([rest.body.items.map((item) => item.releaseId), rest.body.nextCursor]).toEqual([
      ids.slice(2),
      null,
    ]);
  });

  it("lets readers look but not edit, and hides another organisation's plans", async () => {
    const one = await createRelease('Guarded', ['A']);
    const body = { target: 'releases', ids: [one.releaseId], set: { genre: 'Guarded' } };
    expect((await batchEdit(body, READER)).status).toBe(403);
    const preview = await batchEdit(body);
    expect(
      (await test.request({ method: 'GET', url: `${CATALOG}/plans/${preview.body.planId}`, user: READER }))
        .status,
    ).toBe(200);
    expect((await apply(preview.body.planId, READER)).status).toBe(403);
    expect(
      (await test.request({ method: 'DELETE', url: `${CATALOG}/plans/${preview.body.planId}`, user: READER }))
        .status,
    ).toBe(403);
    expect((await apply(preview.body.planId, OUTSIDER)).status).toBe(403);
    const foreign = await test.request<ProblemDetails>({
      method: 'POST',
      url: `${orgCatalogPath(OTHER)}/plans/${preview.body.planId}/apply`,
      user: OUTSIDER,
    });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'CATALOG.PLAN_NOT_FOUND']);
    const foreignRead = await test.request<ProblemDetails>({
      method: 'GET',
      url: `${orgCatalogPath(OTHER)}/plans/${preview.body.planId}/items`,
      user: OUTSIDER,
    });
    expect([foreignRead.status, foreignRead.body.code]).toEqual([404, 'CATALOG.PLAN_NOT_FOUND']);
    expect((await release(one.releaseId)).revision).toBe(1);
  });
});
