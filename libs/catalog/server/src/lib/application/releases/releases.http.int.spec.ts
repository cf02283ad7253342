import { type ProblemDetails, type Page } from '@bandstand/shared/contracts';
import { JobRunner } from '@bandstand/shared/event-store';
import {
  type Artist,
  type CalendarEntry,
  orgCatalogPath,
  type ReleaseComparison,
  type ReleaseDetail,
  type ReleaseDraftInput,
  type ReleaseHistoryEntry,
  type ReleaseSummary,
  type ReleaseVersion,
  type ReleaseVersionSummary,
  type TrackSummary,
} from '@bandstand/catalog/contracts';
import { type Job } from 'bullmq';
import {
  type CatalogTestApp,
  type CatalogTestRequest,
  startCatalogTestApp,
  testUpc,
} from '../../testing/catalog.test-kit';
import { artistsArea } from '../artists/artists.area';
import { releaseDueJob, type ReleaseDueData, ReleaseDueProcessor } from './release-due.job';
import { releaseStreamId } from './release-stream';
import { releasesArea } from './releases.area';

const ORG = 'org-night-owls';
const OTHER_ORG = 'org-day-larks';

/** A distinct valid ISRC per number. */
function isrc(n: number): string {
  return `NO-BND-27-${String(n).padStart(5, '0')}`;
}

function draftInput(
  artistId: string,
  n: number,
  overrides: Partial<ReleaseDraftInput> = {},
): ReleaseDraftInput {
  return {
    type: 'album',
    title: 'Night Drive',
    displayArtist: 'Aurora Lane',
    artistIds: [artistId],
    upc: testUpc(`0360002${String(n).padStart(4, '0')}`),
    genre: 'Electronic',
    pLine: { year: 2027, owner: 'Night Owls' },
    cLine: { year: 2027, owner: 'Night Owls' },
    tracks: [
      { title: 'Intro', isrc: isrc(n * 10 + 1), durationMs: 201_000, displayArtist: 'Aurora Lane' },
      { title: 'Outro', isrc: isrc(n * 10 + 2), durationMs: 185_500, displayArtist: 'Aurora Lane' },
    ],
    ...overrides,
  };
}

describe('releases over HTTP (lifecycle, validation, access, atomicity)', () => {
  let test: CatalogTestApp;
  let artistId: string;
  let otherArtistId: string;
  let next = 100;
  const fresh = (): number => (next += 1);

  const call = <T>(request: CatalogTestRequest) => test.request<T>(request);
  const base = (orgId = ORG): string => orgCatalogPath(orgId);

  async function createArtist(orgId: string, user: string, name: string): Promise<string> {
    return (await test.createArtist(orgId, user, { name })).artistId;
  }

  function createRelease(input: ReleaseDraftInput, orgId = ORG, user = 'ana'): Promise<ReleaseDetail> {
    return test.createRelease(orgId, user, input);
  }

  async function countWrites(): Promise<{ events: number; releases: number; isrcs: number; upcs: number }> {
    const [row] = await test.db.query<{ events: number; releases: number; isrcs: number; upcs: number }>(
      `select (select count(*)::int from kernel.events) as events,
              (select count(*)::int from catalog.releases) as releases,
              (select count(*)::int from catalog.isrc_owners) as isrcs,
              (select count(*)::int from catalog.upc_owners) as upcs`,
    );
    if (row === undefined) throw new Error('no counts');
    return row;
  }

  /** Runs the release-due job through the kernel's job runner, as the worker would. */
  async function runReleaseDue(releaseId: string): Promise<unknown> {
    const [row] = await test.db.query<{ job_id: string; data: ReleaseDueData }>(
      `select job_id, data from kernel.job_outbox where queue = $1 and data->>'releaseId' = $2
        order by id desc limit 1`,
      [releaseDueJob.name, releaseId],
    );
    if (row === undefined) throw new Error(`No release-due job for ${releaseId}`);
    const job = {
      queueName: releaseDueJob.name,
      id: row.job_id,
      name: releaseDueJob.name,
      data: row.data,
      opts: { attempts: releaseDueJob.attempts },
      attemptsMade: 0,
    } as unknown as Job;
    const runner = test.app.get(JobRunner, { strict: false });
    return runner.run(test.app.get(ReleaseDueProcessor), job);
  }

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea],
      http: true,
      teams: { [ORG]: { ana: 'owner', ed: 'editor', rea: 'reader' }, [OTHER_ORG]: { zed: 'owner' } },
    });
    artistId = await createArtist(ORG, 'ana', 'Aurora Lane');
    otherArtistId = await createArtist(OTHER_ORG, 'zed', 'Lark');
  });
  afterAll(async () => {
    await test.close();
  });

  it('takes a release from draft through schedule, release and a second version, with history and comparison', async () => {
    test.clock.set('2027-03-01T12:00:00.000Z');
    const created = await createRelease(draftInput(artistId, 1));
    expect(created).toMatchObject({
      orgId: ORG,
      status: 'draft',
      revision: 1,
      version: 0,
      hasDraftChanges: true,
      trackCount: 2,
      upc: testUpc('03600020001'),
      title: { text: 'Night Drive' },
      versions: [],
    });
    expect(created.draft.tracks.map((track) => track.isrc)).toEqual(['NOBND2700011', 'NOBND2700012']);
    const releaseId = created.releaseId;
    const url = `${base()}/releases/${releaseId}`;

    test.clock.set('2027-03-01T12:05:00.000Z');
    const revised = await call<ReleaseDetail>({
      method: 'PUT',
      url: `${url}/draft`,
      user: 'ed',
      body: { expectedRevision: 1, draft: { ...created.draft, labelName: 'Night Owls' } },
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ revision: 2, hasDraftChanges: true });
    expect(revised.body.draft.tracks.map((track) => track.trackId)).toEqual(
      created.draft.tracks.map((track) => track.trackId),
    );

    const v1 = await call<ReleaseDetail>({
      method: 'POST',
      url: `${url}/versions`,
      user: 'ana',
      body: { expectedRevision: 2, note: 'First' },
    });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, hasDraftChanges: false });
    expect(v1.body.versions).toEqual([
      {
        version: 1,
        revision: 2,
        publishedAt: '2027-03-01T12:05:00.000Z',
        publishedBy: 'user:ana',
        note: 'First',
      },
    ]);

    // Released on the 10th everywhere but France, which is under embargo until the 12th and gets its own moment.
    const scheduled = await call<ReleaseDetail>({
      method: 'PUT',
      url: `${url}/schedule`,
      user: 'ana',
      body: {
        releaseAt: '2027-03-10T01:00:00+01:00',
        territoryReleases: [{ territory: 'fr', releaseAt: '2027-03-12T00:00:00Z' }],
        embargoes: [
          { territory: 'FR', from: '2027-03-09T00:00:00Z', until: '2027-03-12T00:00:00Z', reason: 'Press' },
        ],
      },
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', releaseAt: '2027-03-10T00:00:00.000Z' });
    expect(scheduled.body.schedule).toMatchObject({
      releaseAt: '2027-03-10T00:00:00.000Z',
      territories: ['WW'],
      territoryReleases: [{ territory: 'FR', releaseAt: '2027-03-12T00:00:00.000Z' }],
    });
    const jobs = await test.db.query<{ run_at: string; data: ReleaseDueData; status: string }>(
      `select to_char(run_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as run_at, data, status
         from kernel.job_outbox where queue = $1 and data->>'releaseId' = $2`,
      [releaseDueJob.name, releaseId],
    );
    expect(jobs).toEqual([
      {
        run_at: '2027-03-10T00:00:00Z',
        data: { orgId: ORG, releaseId, dueAt: '2027-03-10T00:00:00.000Z' },
        status: 'pending',
      },
    ]);

    const calendar = await call<CalendarEntry[]>({
      method: 'GET',
      url: `${base()}/calendar?from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z`,
      user: 'rea',
    });
    expect(calendar.status).toBe(200);
    expect(calendar.body.filter((entry) => entry.releaseId === releaseId)).toEqual([
      expect.objectContaining({
        kind: 'embargo',
        territory: 'FR',
        at: '2027-03-09T00:00:00.000Z',
        until: '2027-03-12T00:00:00.000Z',
      }),
      expect.objectContaining({
        kind: 'release',
        territory: null,
        at: '2027-03-10T00:00:00.000Z',
        until: null,
      }),
      expect.objectContaining({ kind: 'territory-release', territory: 'FR', at: '2027-03-12T00:00:00.000Z' }),
    ]);

    // The job delivered early (clocks differ) changes nothing and is retried; at its time it releases.
    test.clock.set('2027-03-09T23:59:59.000Z');
    await expect(runReleaseDue(releaseId)).rejects.toThrow(/not yet/);
    expect((await call<ReleaseDetail>({ method: 'GET', url, user: 'rea' })).body.status).toBe('scheduled');
    test.clock.set('2027-03-10T00:00:00.000Z');
    expect(await runReleaseDue(releaseId)).toEqual({ released: true });
    const released = await call<ReleaseDetail>({ method: 'GET', url, user: 'rea' });
    expect(released.body.status).toBe('released');
    // Delivered once more, the completed job is acknowledged without running.
    expect(await runReleaseDue(releaseId)).toEqual({ released: true });

    test.clock.set('2027-03-11T09:00:00.000Z');
    const fixed = await call<ReleaseDetail>({
      method: 'PUT',
      url: `${url}/draft`,
      user: 'ed',
      body: {
        expectedRevision: 2,
        draft: {
          ...released.body.draft,
          tracks: released.body.draft.tracks.map((track, index) =>
            index === 1 ? { ...track, genre: 'Ambient' } : track,
          ),
        },
      },
    });
    expect(fixed.body).toMatchObject({ status: 'released', revision: 3, version: 1, hasDraftChanges: true });
    const v2 = await call<ReleaseDetail>({
      method: 'POST',
      url: `${url}/versions`,
      user: 'ana',
      body: { expectedRevision: 3 },
    });
    expect(v2.body).toMatchObject({ version: 2, hasDraftChanges: false, status: 'released' });

    const secondTrack = created.draft.tracks[1]?.trackId;
    const comparison = await call<ReleaseComparison>({
      method: 'GET',
      url: `${url}/compare?from=v1&to=v2`,
      user: 'rea',
    });
    expect(comparison.body).toEqual({
      from: 'v1',
      to: 'v2',
      changes: [{ path: `tracks[${secondTrack}].genre`, before: null, after: 'Ambient' }],
    });
    const sinceCreation = await call<ReleaseComparison>({
      method: 'GET',
      url: `${url}/compare?from=r1&to=draft`,
      user: 'rea',
    });
    expect(sinceCreation.body.changes.map((change) => change.path)).toEqual([
      'labelName',
      `tracks[${secondTrack}].genre`,
    ]);

    const tooLong = await call<ProblemDetails>({
      method: 'GET',
      url: `${base()}/calendar?from=2027-01-01&to=2028-01-03`,
      user: 'rea',
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({
      code: 'CATALOG.INVALID_QUERY',
      errors: [expect.objectContaining({ field: 'to' })],
    });

    const versions = await call<ReleaseVersionSummary[]>({
      method: 'GET',
      url: `${url}/versions`,
      user: 'rea',
    });
    expect(versions.body.map((version) => version.version)).toEqual([2, 1]);
    const version1 = await call<ReleaseVersion>({ method: 'GET', url: `${url}/versions/1`, user: 'rea' });
    expect(version1.body).toMatchObject({ releaseId, version: 1, revision: 2, note: 'First' });
    expect(version1.body.draft.tracks[1]?.genre).toBeNull();

    const history = await call<Page<ReleaseHistoryEntry>>({
      method: 'GET',
      url: `${url}/history`,
      user: 'rea',
    });
    expect(history.status).toBe(200);
    expect(
      history.body.items.map((entry) => [
        entry.sequence,
        entry.type,
        entry.revision,
        entry.version,
        entry.actor,
      ]),
    ).toEqual([
      [7, 'published', 3, 2, 'user:ana'],
      [6, 'revised', 3, null, 'user:ed'],
      [5, 'released', 2, null, 'job:catalog.release-due'],
      [4, 'scheduled', 2, null, 'user:ana'],
      [3, 'published', 2, 1, 'user:ana'],
      [2, 'revised', 2, null, 'user:ed'],
      [1, 'created', 1, null, 'user:ana'],
    ]);
    expect(history.body.items[1]?.changes).toEqual([
      { path: `tracks[${secondTrack}].genre`, before: null, after: 'Ambient' },
    ]);
    expect(history.body.items[5]?.changes).toEqual([
      { path: 'labelName', before: null, after: 'Night Owls' },
    ]);
    expect(history.body.items[6]?.changes.length).toBeGreaterThan(0);
    expect(history.body.nextCursor).toBeNull();

    const firstPage = await call<Page<ReleaseHistoryEntry>>({
      method: 'GET',
      url: `${url}/history?limit=3`,
      user: 'rea',
    });
    expect(firstPage.body.items.map((entry) => entry.sequence)).toEqual([7, 6, 5]);
    const secondPage = await call<Page<ReleaseHistoryEntry>>({
      method: 'GET',
      url: `${url}/history?limit=3&cursor=${firstPage.body.nextCursor ?? ''}`,
      user: 'rea',
    });
    expect(secondPage.body.items.map((entry) => entry.sequence)).toEqual([4, 3, 2]);
  });

  it('lists releases by status and artist a cursor page at a time, and tracks by text or ISRC', async () => {
    const artist = await createArtist(ORG, 'ed', 'Kestrel');
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      test.clock.advance(1_000);
      ids.push((await createRelease(draftInput(artist, fresh(), { title: `Kestrel ${index}` }))).releaseId);
    }
    const page1 = await call<Page<ReleaseSummary>>({
      method: 'GET',
      url: `${base()}/releases?artistId=${artist}&status=draft&limit=2`,
      user: 'rea',
    });
    expect(page1.body.items.map((release) => release.releaseId)).toEqual([ids[2], ids[1]]);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await call<Page<ReleaseSummary>>({
      method: 'GET',
      url: `${base()}/releases?artistId=${artist}&status=draft&limit=2&cursor=${page1.body.nextCursor ?? ''}`,
      user: 'rea',
    });
    expect(page2.body).toEqual({ items: [expect.objectContaining({ releaseId: ids[0] })], nextCursor: null });
    const none = await call<Page<ReleaseSummary>>({
      method: 'GET',
      url: `${base()}/releases?artistId=${artist}&status=released`,
      user: 'rea',
    });
    expect(none.body.items).toEqual([]);
    const badCursor = await call<ProblemDetails>({
      method: 'GET',
      url: `${base()}/releases?cursor=not-a-cursor`,
      user: 'rea',
    });
    expect(badCursor.status).toBe(400);

    const artistReply = await call<Artist>({
      method: 'GET',
      url: `${base()}/artists/${artist}`,
      user: 'rea',
    });
    expect(artistReply.body).toMatchObject({ name: { text: 'Kestrel' }, releaseCount: 3 });

    const tracks = await call<Page<TrackSummary>>({
      method: 'GET',
      url: `${base()}/tracks?releaseId=${ids[1] ?? ''}`,
      user: 'rea',
    });
    expect(tracks.body.items.map((track) => [track.releaseTitle, track.position, track.title.text])).toEqual([
      ['Kestrel 1', 1, 'Intro'],
      ['Kestrel 1', 2, 'Outro'],
    ]);
    const isrcOfOutro = tracks.body.items[1]?.isrc ?? '';
    const byIsrc = await call<Page<TrackSummary>>({
      method: 'GET',
      url: `${base()}/tracks?q=${encodeURIComponent(isrcOfOutro.toLowerCase())}`,
      user: 'rea',
    });
    expect(byIsrc.body.items.map((track) => track.releaseId)).toEqual([ids[1]]);
    const noMatch = await call<Page<TrackSummary>>({
      method: 'GET',
      url: `${base()}/tracks?q=kestrel`,
      user: 'rea',
    });
    expect(noMatch.body).toEqual({ items: [], nextCursor: null });
    const byTitle = await call<Page<TrackSummary>>({
      method: 'GET',
      url: `${base()}/tracks?q=outr&limit=2`,
      user: 'rea',
    });
    expect(byTitle.body.items).toHaveLength(2);
    const rest = await call<Page<TrackSummary>>({
      method: 'GET',
      url: `${base()}/tracks?q=outr&limit=2&cursor=${byTitle.body.nextCursor ?? ''}`,
      user: 'rea',
    });
    const seen = [...byTitle.body.items, ...rest.body.items].map((track) => track.trackId);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('names the field of an invalid UPC check digit, and refuses unknown fields at every depth', async () => {
    const before = await countWrites();
    const badUpc = await call<ProblemDetails>({
      method: 'POST',
      url: `${base()}/releases`,
      user: 'ed',
      body: { draft: draftInput(artistId, fresh(), { upc: '036000291453' }) },
    });
    expect(badUpc.status).toBe(422);
    expect(badUpc.body).toMatchObject({
      code: 'CATALOG.INVALID_UPC',
      errors: [expect.objectContaining({ field: 'draft.upc', code: 'CATALOG.INVALID_UPC' })],
    });
    const unknownTop = await call<ProblemDetails>({
      method: 'POST',
      url: `${base()}/releases`,
      user: 'ed',
      body: { draft: draftInput(artistId, fresh()), publish: true },
    });
    expect(unknownTop.status).toBe(400);
    expect(unknownTop.body.errors).toEqual([
      expect.objectContaining({ field: 'publish', code: 'VALIDATION.UNKNOWN_FIELD' }),
    ]);
    const unknownNested = await call<ProblemDetails>({
      method: 'POST',
      url: `${base()}/releases`,
      user: 'ed',
      body: {
        draft: {
          ...draftInput(artistId, fresh()),
          tracks: [{ title: 'Intro', displayArtist: 'Aurora Lane', bpm: 120 }],
        },
      },
    });
    expect(unknownNested.status).toBe(422);
    expect(unknownNested.body.errors).toEqual([
      expect.objectContaining({ field: 'draft.tracks.0.bpm', code: 'VALIDATION.UNKNOWN_FIELD' }),
    ]);
    const foreignArtist = await call<ProblemDetails>({
      method: 'POST',
      url: `${base()}/releases`,
      user: 'ed',
      body: { draft: draftInput(artistId, fresh(), { artistIds: [artistId, otherArtistId] }) },
    });
    expect(foreignArtist.status).toBe(422);
    expect(foreignArtist.body).toMatchObject({
      code: 'CATALOG.ARTIST_NOT_FOUND',
      errors: [expect.objectContaining({ field: 'draft.artistIds.1' })],
    });
    expect(await countWrites()).toEqual(before);
  });

  it('refuses an ISRC of another organisation (409) or twice in one release (422), writing nothing', async () => {
    const n = fresh();
    await createRelease(draftInput(otherArtistId, n), OTHER_ORG, 'zed');
    const before = await countWrites();
    const taken = await call<ProblemDetails>({
      method: 'POST',
      url: `${base()}/releases`,
      user: 'ed',
      body: {
        draft: draftInput(artistId, fresh(), {
          tracks: [
            { title: 'Mine', isrc: isrc(fresh() * 10), displayArtist: 'Aurora Lane' },
            { title: 'Theirs', isrc: isrc(n * 10 + 2).toLowerCase(), displayArtist: 'Aurora Lane' },
          ],
        }),
      },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({
      code: 'CATALOG.DUPLICATE_ISRC',
      errors: [expect.objectContaining({ field: 'draft.tracks.1.isrc' })],
    });
    const repeated = isrc(fresh() * 10);
    const twice = await call<ProblemDetails>({
      method: 'POST',
      url: `${base()}/releases`,
      user: 'ed',
      body: {
        draft: draftInput(artistId, fresh(), {
          tracks: [
            { title: 'A', isrc: repeated, displayArtist: 'Aurora Lane' },
            { title: 'B', isrc: repeated, displayArtist: 'Aurora Lane' },
          ],
        }),
      },
    });
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ code: 'CATALOG.DUPLICATE_ISRC' });
    expect(twice.body.errors?.map((error) => error.field)).toContain('draft.tracks.1.isrc');
    expect(await countWrites()).toEqual(before);
  });

  it('rolls back the revision whose UPC belongs to another release: no event, no row changed', async () => {
    const first = await createRelease(draftInput(artistId, fresh()));
    const second = await createRelease(draftInput(artistId, fresh()));
    const before = await countWrites();
    const reply = await call<ProblemDetails>({
      method: 'PUT',
      url: `${base()}/releases/${second.releaseId}/draft`,
      user: 'ed',
      body: { expectedRevision: 1, draft: { ...second.draft, upc: first.upc } },
      headers: { 'idempotency-key': 'upc-clash-1' },
    });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({
      code: 'CATALOG.DUPLICATE_UPC',
      errors: [expect.objectContaining({ field: 'draft.upc' })],
    });
    expect(await countWrites()).toEqual(before);
    const [stream] = await test.db.query<{ version: number }>(
      'select max(stream_version)::int as version from kernel.events where stream_id = $1',
      [releaseStreamId(second.releaseId)],
    );
    expect(stream?.version).toBe(1);
    const still = await call<ReleaseDetail>({
      method: 'GET',
      url: `${base()}/releases/${second.releaseId}`,
      user: 'rea',
    });
    expect(still.body).toMatchObject({ revision: 1, upc: second.upc });
  });

  it('refuses a release moment inside an embargo or in the past, naming the field', async () => {
    test.clock.set('2027-04-01T00:00:00.000Z');
    const release = await createRelease(draftInput(artistId, fresh()));
    const url = `${base()}/releases/${release.releaseId}/schedule`;
    const before = await countWrites();
    const inEmbargo = await call<ProblemDetails>({
      method: 'PUT',
      url,
      user: 'ana',
      body: {
        releaseAt: '2027-05-07T00:00:00Z',
        embargoes: [{ territory: 'WW', from: '2027-05-01T00:00:00Z', until: '2027-05-10T00:00:00Z' }],
      },
    });
    expect(inEmbargo.status).toBe(422);
    expect(inEmbargo.body).toMatchObject({
      code: 'CATALOG.RELEASE_DATE_IN_EMBARGO',
      errors: [expect.objectContaining({ field: 'releaseAt' })],
    });
    const past = await call<ProblemDetails>({
      method: 'PUT',
      url,
      user: 'ana',
      body: { releaseAt: '2027-03-31T23:59:59Z' },
    });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({
      code: 'CATALOG.RELEASE_DATE_IN_PAST',
      errors: [expect.objectContaining({ field: 'releaseAt' })],
    });
    const noOffset = await call<ProblemDetails>({
      method: 'PUT',
      url,
      user: 'ana',
      body: { releaseAt: '2027-05-07T00:00:00' },
    });
    expect(noOffset.status).toBe(422);
    expect(noOffset.body.errors?.[0]?.field).toBe('releaseAt');
    expect(await countWrites()).toEqual(before);
    const outbox = await test.db.query('select 1 from kernel.job_outbox where data->>$1 = $2', [
      'releaseId',
      release.releaseId,
    ]);
    expect(outbox).toEqual([]);
  });

  it("answers 404 for another organisation's release, and 403 to roles without the permission", async () => {
    const theirs = await createRelease(draftInput(otherArtistId, fresh()), OTHER_ORG, 'zed');
    const mine = await createRelease(draftInput(artistId, fresh()));
    for (const request of [
      { method: 'GET', url: `${base()}/releases/${theirs.releaseId}` },
      { method: 'GET', url: `${base()}/releases/${theirs.releaseId}/history` },
      {
        method: 'PUT',
        url: `${base()}/releases/${theirs.releaseId}/draft`,
        body: { expectedRevision: 1, draft: theirs.draft },
      },
      {
        method: 'POST',
        url: `${base()}/releases/${theirs.releaseId}/takedown`,
        body: { reason: 'Mine now' },
      },
      { method: 'DELETE', url: `${base()}/releases/${theirs.releaseId}` },
    ] as const) {
      const reply = await call<ProblemDetails>({ ...request, user: 'ana' });
      expect([request.method, request.url, reply.status, reply.body.code]).toEqual([
        request.method,
        request.url,
        404,
        'CATALOG.RELEASE_NOT_FOUND',
      ]);
    }
    const readerWrites = await call<ProblemDetails>({
      method: 'PUT',
      url: `${base()}/releases/${mine.releaseId}/draft`,
      user: 'rea',
      body: { expectedRevision: 1, draft: mine.draft },
    });
    expect(readerWrites.status).toBe(403);
    const readerCreates = await call<ProblemDetails>({
      method: 'POST',
      url: `${base()}/artists`,
      user: 'rea',
      body: { name: 'Nobody' },
    });
    expect(readerCreates.status).toBe(403);
    const editorSchedules = await call<ProblemDetails>({
      method: 'PUT',
      url: `${base()}/releases/${mine.releaseId}/schedule`,
      user: 'ed',
      body: { releaseAt: '2028-01-01T00:00:00Z' },
    });
    expect(editorSchedules.status).toBe(403);
    const editorPublishes = await call<ProblemDetails>({
      method: 'POST',
      url: `${base()}/releases/${mine.releaseId}/versions`,
      user: 'ed',
      body: { expectedRevision: 1 },
    });
    expect(editorPublishes.status).toBe(403);
    const stranger = await call<ProblemDetails>({ method: 'GET', url: `${base()}/releases`, user: 'zed' });
    expect(stranger.status).toBe(403);
  });

  it('replays a create sent twice with one Idempotency-Key instead of creating a second release', async () => {
    const request = {
      method: 'POST',
      url: `${base()}/releases`,
      user: 'ed',
      body: { draft: draftInput(artistId, fresh()) },
      headers: { 'idempotency-key': 'create-once' },
    } as const;
    const first = await call<ReleaseDetail>(request);
    const before = await countWrites();
    const again = await call<ReleaseDetail>(request);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.releaseId).toBe(first.body.releaseId);
    expect(await countWrites()).toEqual(before);
  });

  it('refuses a stale revision, deletes a never-published draft and frees its identifiers', async () => {
    const release = await createRelease(draftInput(artistId, fresh()));
    const url = `${base()}/releases/${release.releaseId}`;
    const stale = await call<ProblemDetails>({
      method: 'PUT',
      url: `${url}/draft`,
      user: 'ed',
      body: { expectedRevision: 7, draft: { ...release.draft, genre: 'Jazz' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'CATALOG.STALE_REVISION',
      errors: [expect.objectContaining({ field: 'expectedRevision' })],
    });
    const deleted = await call({ method: 'DELETE', url, user: 'ana' });
    expect(deleted.status).toBe(204);
    expect((await call<ProblemDetails>({ method: 'GET', url, user: 'ana' })).status).toBe(404);
    const reused = await createRelease(
      draftInput(otherArtistId, fresh(), {
        upc: release.upc,
        tracks: release.draft.tracks.map((track) => ({
          title: track.title,
          isrc: track.isrc,
          displayArtist: 'Lark',
        })),
      }),
      OTHER_ORG,
      'zed',
    );
    expect(reused.upc).toBe(release.upc);
  });

  it('releases now, takes down and reinstates a release', async () => {
    test.clock.set('2027-06-01T00:00:00.000Z');
    const release = await createRelease(draftInput(artistId, fresh()));
    const url = `${base()}/releases/${release.releaseId}`;
    const scheduled = await call<ReleaseDetail>({
      method: 'PUT',
      url: `${url}/schedule`,
      user: 'ana',
      body: { releaseAt: '2027-07-01T00:00:00Z' },
    });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', version: 1 });
    const now = await call<ReleaseDetail>({ method: 'POST', url: `${url}/release`, user: 'ana' });
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ status: 'released', releaseAt: '2027-06-01T00:00:00.000Z' });
    const jobs = await test.db.query<{ run_at: string }>(
      `select to_char(run_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as run_at from kernel.job_outbox
        where queue = $1 and data->>'releaseId' = $2 order by id`,
      [releaseDueJob.name, release.releaseId],
    );
    expect(jobs).toEqual([{ run_at: '2027-07-01T00:00:00Z' }, { run_at: '2027-06-01T00:00:00Z' }]);
    const down = await call<ReleaseDetail>({
      method: 'POST',
      url: `${url}/takedown`,
      user: 'ana',
      body: { reason: 'Rights dispute' },
    });
    expect(down.body).toMatchObject({ status: 'taken-down', takedownReason: 'Rights dispute' });
    const back = await call<ReleaseDetail>({ method: 'POST', url: `${url}/reinstate`, user: 'ana' });
    expect(back.body).toMatchObject({ status: 'released', takedownReason: null });
    const bad = await call<ProblemDetails>({
      method: 'GET',
      url: `${url}/compare?from=v1&to=x9`,
      user: 'rea',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'CATALOG.VERSION_NOT_FOUND',
      errors: [expect.objectContaining({ field: 'to' })],
    });
    const missing = await call<ProblemDetails>({
      method: 'GET',
      url: `${url}/compare?from=v9&to=draft`,
      user: 'rea',
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      code: 'CATALOG.VERSION_NOT_FOUND',
      errors: [expect.objectContaining({ field: 'from' })],
    });
  });
});
