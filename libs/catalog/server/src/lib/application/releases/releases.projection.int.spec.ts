import { FIXED_NOW_ISO } from '@bandstand/shared/domain';
import {
  createKernelTestHarness,
  type GivenEvent,
  type KernelTestHarness,
  projectionSpec,
} from '@bandstand/shared/event-store/testing';
import { type ReleaseDraft, type ReleaseSchedule } from '@bandstand/catalog/contracts';
import { type ArtistEvent, type ReleaseEvent } from '@bandstand/catalog/domain';
import { catalogPersistence } from '../../infrastructure/catalog.persistence';
import { artistStreamId } from '../artists/artist-stream';
import { ArtistsProjection } from '../artists/artists.projection';
import { releaseStreamId } from './release-stream';
import { ReleasesProjection } from './releases.projection';

const ORG = 'org-proj';

function track(trackId: string, isrc: string | null) {
  return {
    trackId,
    title: { text: `Song ${trackId}`, language: 'en', translations: [] },
    versionTitle: null,
    isrc,
    iswc: null,
    durationMs: 200_000,
    displayArtist: 'Aurora Lane',
    contributors: [],
    genre: 'Electronic',
    parentalWarning: 'not-explicit',
    language: 'en',
    disc: 1,
    audioAssetId: null,
  } as const;
}

function draft(overrides: Partial<ReleaseDraft> = {}): ReleaseDraft {
  return {
    type: 'album',
    title: { text: 'Night Drive', language: 'en', translations: [] },
    versionTitle: null,
    displayArtist: 'Aurora Lane',
    artistIds: ['artist-1'],
    upc: '036000291452',
    catalogNumber: null,
    labelName: 'Night Owls',
    genre: 'Electronic',
    subgenre: null,
    parentalWarning: 'not-explicit',
    languages: ['en'],
    pLine: null,
    cLine: null,
    originalReleaseDate: null,
    artworkAssetId: 'asset-1',
    contributors: [],
    tracks: [track('trk-1', 'USRC17607839'), track('trk-2', 'GBAYE0601498')],
    ...overrides,
  };
}

const schedule: ReleaseSchedule = {
  releaseAt: '2027-05-07T00:00:00.000Z',
  territories: ['WW'],
  excludedTerritories: ['CN'],
  territoryReleases: [{ territory: 'NZ', releaseAt: '2027-05-06T11:00:00.000Z' }],
  embargoes: [
    { territory: 'FR', from: '2027-05-01T00:00:00.000Z', until: '2027-05-10T00:00:00.000Z', reason: null },
  ],
};

function on(releaseId: string, event: ReleaseEvent, actor = 'user:ana', orgId = ORG): GivenEvent {
  return { ...event, streamId: releaseStreamId(releaseId), metadata: { actor, tenantId: orgId } };
}

function created(releaseId: string, body: ReleaseDraft, orgId = ORG): GivenEvent {
  return on(
    releaseId,
    { type: 'ReleaseCreated', data: { releaseId, orgId, draft: body, source: 'editor', planId: null } },
    'user:ana',
    orgId,
  );
}

function published(releaseId: string, version: number, revision: number, body: ReleaseDraft): GivenEvent {
  return on(releaseId, {
    type: 'ReleaseVersionPublished',
    data: { releaseId, orgId: ORG, version, revision, note: `v${version}`, draft: body },
  });
}

const RELEASE_ROW_SQL = `select release_id, org_id, status, status_before_takedown, title, upc, artist_ids, revision,
    version, published_revision, has_draft_changes, published is not null as has_published, artwork_asset_id,
    track_count, to_char(release_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as release_at,
    takedown_reason
  from catalog.releases order by release_id`;

describe('releases projection (given events, then rows)', () => {
  let kernel: KernelTestHarness;
  const releases = new ReleasesProjection();

  beforeAll(async () => {
    kernel = await createKernelTestHarness({ contexts: [catalogPersistence] });
  });
  afterAll(async () => {
    await kernel.close();
  });

  it('keeps a release row through revision, publication, schedule, release and takedown', async () => {
    const revised = draft({ title: { text: 'Night Drive (Deluxe)', language: 'en', translations: [] } });
    await projectionSpec(releases, kernel)
      .given([
        created('rel-1', draft()),
        published('rel-1', 1, 1, draft()),
        on('rel-1', {
          type: 'ReleaseDraftRevised',
          data: { releaseId: 'rel-1', revision: 2, draft: revised, source: 'editor', planId: null },
        }),
        on('rel-1', { type: 'ReleaseScheduled', data: { releaseId: 'rel-1', schedule } }),
        on('rel-1', {
          type: 'ReleaseReleased',
          data: { releaseId: 'rel-1', releasedAt: schedule.releaseAt },
        }),
        on('rel-1', { type: 'ReleaseTakenDown', data: { releaseId: 'rel-1', reason: 'Rights dispute' } }),
      ])
      .thenRows(RELEASE_ROW_SQL, [
        {
          release_id: 'rel-1',
          org_id: ORG,
          status: 'taken-down',
          status_before_takedown: 'released',
          title: 'Night Drive (Deluxe)',
          upc: '036000291452',
          artist_ids: ['artist-1'],
          revision: 2,
          version: 1,
          published_revision: 1,
          has_draft_changes: true,
          has_published: true,
          artwork_asset_id: 'asset-1',
          track_count: 2,
          release_at: '2027-05-07T00:00:00Z',
          takedown_reason: 'Rights dispute',
        },
      ]);
  });

  it('writes tracks in order, versions, and availability windows once a version exists', async () => {
    const events = [
      created('rel-2', draft()),
      on('rel-2', {
        type: 'ReleaseDraftRevised',
        data: {
          releaseId: 'rel-2',
          revision: 2,
          draft: draft({ tracks: [track('trk-3', 'GBAYE0601498'), track('trk-1', 'USRC17607839')] }),
          source: 'csv',
          planId: 'plan-1',
        },
      }),
      published(
        'rel-2',
        1,
        2,
        draft({ tracks: [track('trk-3', 'GBAYE0601498'), track('trk-1', 'USRC17607839')] }),
      ),
      on('rel-2', { type: 'ReleaseScheduled', data: { releaseId: 'rel-2', schedule } }),
    ];
    await projectionSpec(releases, kernel)
      .given(events)
      .thenRows(
        'select track_id, release_id, org_id, position, title, isrc from catalog.release_tracks order by position',
        [
          {
            track_id: 'trk-3',
            release_id: 'rel-2',
            org_id: ORG,
            position: 1,
            title: 'Song trk-3',
            isrc: 'GBAYE0601498',
          },
          {
            track_id: 'trk-1',
            release_id: 'rel-2',
            org_id: ORG,
            position: 2,
            title: 'Song trk-1',
            isrc: 'USRC17607839',
          },
        ],
      );
    await projectionSpec(releases, kernel)
      .given(events)
      .thenRows(
        `select version, revision, published_by, note, to_char(published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at
           from catalog.release_versions order by version`,
        [{ version: 1, revision: 2, published_by: 'user:ana', note: 'v1', published_at: FIXED_NOW_ISO }],
      );
    await projectionSpec(releases, kernel)
      .given(events)
      .thenRows(
        `select territory, case when opens_at = 'infinity' then 'never'
                  else to_char(opens_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') end as opens_at,
                to_char(closes_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as closes_at
           from catalog.release_availability order by territory, opens_at`,
        [
          { territory: '*', opens_at: '2027-05-07T00:00Z', closes_at: null },
          { territory: 'CN', opens_at: 'never', closes_at: null },
          { territory: 'FR', opens_at: '2027-05-10T00:00Z', closes_at: null },
          { territory: 'NZ', opens_at: '2027-05-06T11:00Z', closes_at: null },
        ],
      );
  });

  it('writes no availability for a schedule without a version, and removes it when unscheduled', async () => {
    await projectionSpec(releases, kernel)
      .given([
        created('rel-3', draft()),
        on('rel-3', { type: 'ReleaseScheduled', data: { releaseId: 'rel-3', schedule } }),
      ])
      .thenRows('select release_id from catalog.release_availability', []);
    await projectionSpec(releases, kernel)
      .given([
        created('rel-3', draft()),
        published('rel-3', 1, 1, draft()),
        on('rel-3', { type: 'ReleaseScheduled', data: { releaseId: 'rel-3', schedule } }),
        on('rel-3', { type: 'ReleaseUnscheduled', data: { releaseId: 'rel-3' } }),
      ])
      .thenRows(
        `select (select count(*)::int from catalog.release_availability) as windows, status, release_at, schedule
           from catalog.releases`,
        [{ windows: 0, status: 'draft', release_at: null, schedule: null }],
      );
  });

  it('reinstates to the status before the takedown, keeping the availability rows', async () => {
    await projectionSpec(releases, kernel)
      .given([
        created('rel-4', draft()),
        published('rel-4', 1, 1, draft()),
        on('rel-4', { type: 'ReleaseScheduled', data: { releaseId: 'rel-4', schedule } }),
        on('rel-4', { type: 'ReleaseTakenDown', data: { releaseId: 'rel-4', reason: 'Oops' } }),
        on('rel-4', { type: 'ReleaseReinstated', data: { releaseId: 'rel-4' } }),
      ])
      .thenRows(
        `select status, status_before_takedown, takedown_reason,
                (select count(*)::int from catalog.release_availability) as windows
           from catalog.releases`,
        [{ status: 'scheduled', status_before_takedown: null, takedown_reason: null, windows: 4 }],
      );
  });

  it('claims identifiers, lets go of dropped ones, and of all of them when the release is deleted', async () => {
    const claims = `select 'isrc' as kind, isrc as id, org_id, null as release_id from catalog.isrc_owners
                    union all select 'upc', upc, org_id, release_id from catalog.upc_owners order by kind, id`;
    await projectionSpec(releases, kernel)
      .given([
        created('rel-5', draft()),
        created('rel-6', draft({ upc: '4006381333931', tracks: [track('trk-9', 'USRC17607839')] })),
        on('rel-5', {
          type: 'ReleaseDraftRevised',
          data: {
            releaseId: 'rel-5',
            revision: 2,
            draft: draft({ upc: null, tracks: [track('trk-1', 'USRC17607839')] }),
            source: 'editor',
            planId: null,
          },
        }),
      ])
      .thenRows(claims, [
        { kind: 'isrc', id: 'USRC17607839', org_id: ORG, release_id: null },
        { kind: 'upc', id: '4006381333931', org_id: ORG, release_id: 'rel-6' },
      ]);
    await projectionSpec(releases, kernel)
      .given([
        created('rel-5', draft()),
        created('rel-6', draft({ upc: '4006381333931', tracks: [track('trk-9', 'USRC17607839')] })),
        on('rel-5', { type: 'ReleaseDeleted', data: { releaseId: 'rel-5' } }),
      ])
      .thenRows(claims, [
        { kind: 'isrc', id: 'USRC17607839', org_id: ORG, release_id: null },
        { kind: 'upc', id: '4006381333931', org_id: ORG, release_id: 'rel-6' },
      ]);
  });

  it('keeps an ISRC claimed while the newest published version still carries it', async () => {
    await projectionSpec(releases, kernel)
      .given([
        created('rel-7', draft()),
        published('rel-7', 1, 1, draft()),
        on('rel-7', {
          type: 'ReleaseDraftRevised',
          data: {
            releaseId: 'rel-7',
            revision: 2,
            draft: draft({ upc: null, tracks: [] }),
            source: 'editor',
            planId: null,
          },
        }),
      ])
      .thenRows(
        `select (select array_agg(isrc order by isrc) from catalog.isrc_owners) as isrcs,
                (select array_agg(upc) from catalog.upc_owners) as upcs`,
        [{ isrcs: ['GBAYE0601498', 'USRC17607839'], upcs: ['036000291452'] }],
      );
  });

  it("refuses another organisation's ISRC and another release's UPC, naming the draft's fields", async () => {
    await expect(
      projectionSpec(releases, kernel)
        .given([
          created('rel-8', draft()),
          created(
            'rel-9',
            draft({ upc: null, tracks: [track('trk-a', null), track('trk-b', 'GBAYE0601498')] }),
            'org-other',
          ),
        ])
        .run(),
    ).rejects.toMatchObject({ code: 'CATALOG.DUPLICATE_ISRC', status: 409, field: 'draft.tracks.1.isrc' });
    await expect(
      projectionSpec(releases, kernel)
        .given([created('rel-8', draft()), created('rel-10', draft({ tracks: [] }))])
        .run(),
    ).rejects.toMatchObject({ code: 'CATALOG.DUPLICATE_UPC', status: 409, field: 'draft.upc' });
  });

  it('keeps catalog.artists from artist events', async () => {
    const profile = {
      name: { text: 'Aurora Lane', language: 'en', translations: [] },
      isni: null,
      ipi: null,
      country: 'NO',
      bio: null,
    };
    const artistEvent = (event: ArtistEvent): GivenEvent => ({
      ...event,
      streamId: artistStreamId('artist-1'),
      metadata: { actor: 'user:ana', tenantId: ORG },
    });
    await projectionSpec(new ArtistsProjection(), kernel)
      .given([
        artistEvent({ type: 'ArtistCreated', data: { artistId: 'artist-1', orgId: ORG, profile } }),
        artistEvent({
          type: 'ArtistProfileUpdated',
          data: {
            artistId: 'artist-1',
            profile: { ...profile, bio: 'From Bergen', isni: '000000012145228X' },
          },
        }),
      ])
      .thenRows('select artist_id, org_id, name, name_text, isni, country, bio from catalog.artists', [
        {
          artist_id: 'artist-1',
          org_id: ORG,
          name: profile.name,
          name_text: 'Aurora Lane',
          isni: '000000012145228X',
          country: 'NO',
          bio: 'From Bergen',
        },
      ]);
  });
});
