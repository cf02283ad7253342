import {
  type ChangePlan,
  type ImportFile,
  orgCatalogPath,
  type ReleaseDetail,
  type ReleaseDraftInput,
  type ReleaseHistoryEntry,
} from '@bandstand/catalog/contracts';
import { type Page, type ProblemDetails } from '@bandstand/shared/contracts';
import { type CatalogTestApp, CATALOG_TEST_NOW, startCatalogTestApp } from '../../testing/catalog.test-kit';
import { ArtistStream } from '../artists/artist-stream';
import { artistsArea } from '../artists/artists.area';
import { userActor } from '../releases/release-stream';
import { releasesArea } from '../releases/releases.area';
import { IMPORT_CONTENT_TYPE } from './catalog-csv.controller';
import { CSV_COLUMNS } from './csv/catalog-csv.format';
import { parseCsv } from './csv/rfc4180';
import { type CatalogImporter, ERN_IMPORTER, type PlanDraft } from './plan-proposal';
import { plansArea } from './plans.area';

// The catalog CSV over HTTP: export, import previews with row errors, the round trip, and the
// imports endpoint's formats and body types.

const ORG = 'org-csv';
const OTHER = 'org-csv-other';
const EDITOR = 'user-csv-editor';
const READER = 'user-csv-reader';
const OUTSIDER = 'user-csv-outsider';
const CATALOG = orgCatalogPath(ORG);
const ARTIST_ID = 'artist-aurora';

/** What the stand-in ERN importer was asked, and the plan it answers. */
class RecordingErnImporter implements CatalogImporter {
  readonly calls: { orgId: string; files: readonly ImportFile[] }[] = [];

  plan(orgId: string, files: readonly ImportFile[]): Promise<PlanDraft> {
    this.calls.push({ orgId, files });
    return Promise.resolve({
      proposals: [],
      newArtists: [],
      errors: [
        {
          field: `${files[0]?.name ?? ''}:/NewReleaseMessage`,
          code: 'CATALOG.INVALID_ERN',
          message: 'Stand-in',
        },
      ],
    });
  }
}

/** Rows as objects keyed by the export's columns. */
function rowsOf(csv: string): Record<string, string>[] {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const [header, ...records] = parsed.records;
  return records.map((record) =>
    Object.fromEntries((header?.fields ?? []).map((name, index) => [name, record.fields[index] ?? ''])),
  );
}

/** A CSV of `columns` and `rows` (cells quoted where needed), LF line ends as a hand-written file has. */
function csvOf(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
  const cell = (value: string): string =>
    /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => cell(row[column] ?? '')).join(',')),
  ].join('\n');
}

const BASIC_COLUMNS = [
  'upc',
  'release_type',
  'release_title',
  'release_display_artist',
  'track_title',
  'isrc',
  'duration_ms',
];

describe('the catalog CSV', () => {
  let test: CatalogTestApp;
  const ern = new RecordingErnImporter();

  function importFiles<T = ChangePlan>(files: readonly ImportFile[], user = EDITOR, format = 'csv') {
    return test.request<T>({ method: 'POST', url: `${CATALOG}/imports`, user, body: { format, files } });
  }

  function importCsv<T = ChangePlan>(content: string, user = EDITOR) {
    return importFiles<T>([{ name: 'catalog.csv', content }], user);
  }

  async function exportCsv(user = EDITOR): Promise<string> {
    const reply = await test.request<string>({ method: 'GET', url: `${CATALOG}/export.csv`, user });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    return reply.text;
  }

  function createRelease(draft: ReleaseDraftInput): Promise<ReleaseDetail> {
    return test.createRelease(ORG, EDITOR, draft);
  }

  async function release(releaseId: string): Promise<ReleaseDetail> {
    return (
      await test.request<ReleaseDetail>({
        method: 'GET',
        url: `${CATALOG}/releases/${releaseId}`,
        user: EDITOR,
      })
    ).body;
  }

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea, plansArea],
      http: true,
      // The ern area's importer stands in here; the ern area tests the real one.
      providers: [{ provide: ERN_IMPORTER, useValue: ern }],
      teams: { [ORG]: { [EDITOR]: 'editor', [READER]: 'reader' }, [OTHER]: { [OUTSIDER]: 'owner' } },
    });
    await test.app.get(ArtistStream).run(ORG, ARTIST_ID, userActor(EDITOR, 'corr-csv'), {
      kind: 'CreateArtist',
      artistId: ARTIST_ID,
      orgId: ORG,
      profile: {
        name: { text: 'Aurora Lane', language: null, translations: [] },
        isni: null,
        ipi: null,
        country: 'NO',
        bio: null,
      },
    });
    await createRelease({
      type: 'album',
      title: { text: 'Nordlys', language: 'nb', translations: [{ language: 'en', text: 'Northern Lights' }] },
      versionTitle: 'Deluxe',
      displayArtist: 'Aurora Lane',
      artistIds: [ARTIST_ID],
      upc: '0-12345-67890-5',
      catalogNumber: 'NO-042',
      labelName: 'Night Owls, Oslo',
      genre: 'Electronic',
      subgenre: 'Ambient',
      parentalWarning: 'not-explicit',
      languages: ['nb', 'en'],
      pLine: { year: 2027, owner: 'Night Owls' },
      cLine: { year: 2026, owner: 'Aurora "AL" Lane' },
      originalReleaseDate: '2019-11-01',
      contributors: [{ name: 'Aurora Lane', artistId: ARTIST_ID, roles: ['main-artist'] }],
      tracks: [
        {
          title: 'Polar Night',
          isrc: 'NO-AB1-27-00001',
          iswc: 'T-034.524.680-1',
          durationMs: 241_000,
          contributors: [
            { name: 'Mara Quell', roles: ['composer', 'lyricist'], ipi: '00052210040' },
            { name: 'Sam | Reed ; Jr', roles: ['performer'], instrument: 'Piano, Rhodes' },
          ],
          language: 'nb',
        },
        {
          title: 'Ice\nShelf',
          versionTitle: 'Radio Edit',
          isrc: 'NOAB12700002',
          durationMs: 200_500,
          parentalWarning: 'explicit',
        },
        { title: 'Bonus', disc: 2, isrc: 'NOAB12700003', durationMs: 99_000, genre: 'Drone' },
      ],
    });
    // The export lists releases oldest first.
    test.clock.advance(60_000);
    await createRelease({ type: 'single', title: 'Empty Single', displayArtist: 'Aurora Lane' });
  });

  beforeEach(() => {
    test.clock.set(CATALOG_TEST_NOW);
  });

  afterAll(async () => {
    await test?.close();
  });

  it('exports one row per track with its release, and imports the export back as all unchanged', async () => {
    const csv = await exportCsv(READER);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    const rows = rowsOf(csv);
    expect(
      rows.map((row) => [row['release_title'], row['disc'], row['track_number'], row['track_title']]),
    ).toEqual([
      ['Nordlys', '1', '1', 'Polar Night'],
      ['Nordlys', '1', '2', 'Ice\nShelf'],
      ['Nordlys', '2', '1', 'Bonus'],
      ['Empty Single', '', '', ''],
    ]);
    expect(rows[0]).toMatchObject({
      upc: '012345678905',
      label: 'Night Owls, Oslo',
      languages: 'nb;en',
      c_line_owner: 'Aurora "AL" Lane',
      isrc: 'NOAB12700001',
      iswc: 'T0345246801',
      duration_ms: '241000',
      contributors:
        'Mara Quell|composer;lyricist||00052210040 ; Sam \\| Reed \\; Jr|performer|||Piano, Rhodes',
    });

    const preview = await importCsv(csv);
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({
      kind: 'csv',
      errors: [],
      summary: { creates: 0, updates: 0, unchanged: 2, tracksChanged: 0, errors: 0 },
    });
    expect(preview.body.items.map((item) => [item.action, item.source])).toEqual([
      // A quoted line break makes the second track's row two lines of the file.
      ['unchanged', 'rows 2–5'],
      ['unchanged', 'row 6'],
    ]);
  });

  it('previews edits, new tracks and new releases from a CSV, and applies them as csv revisions', async () => {
    const rows = rowsOf(await exportCsv());
    const [polar, ice, bonus, single] = rows;
    if (!polar || !ice || !bonus || !single) throw new Error('rows missing');
    const edited = [
      { ...polar, track_title: 'Polar Night (2027)' },
      { ...bonus, track_id: '', isrc: 'NOAB12700003' },
      { ...ice },
      {
        ...ice,
        track_id: '',
        track_number: '3',
        isrc: 'NOAB12700009',
        track_title: 'Aurora',
        duration_ms: '123000',
        contributors: '',
      },
      {
        ...single,
        release_id: '',
        upc: '',
        release_title: 'Brand New',
        release_type: 'ep',
        track_title: 'Fresh',
        disc: '1',
      },
    ];
    const preview = await importCsv(csvOf(CSV_COLUMNS, edited));
    expect(preview.status).toBe(201);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.summary).toEqual({
      creates: 1,
      updates: 1,
      unchanged: 0,
      tracksChanged: 3,
      errors: 0,
    });
    const [update, create] = preview.body.items;
    expect(update).toMatchObject({ action: 'update', releaseId: polar['release_id'], source: 'rows 2–6' });
    expect(
      update?.changes.find((change) => change.path === `tracks[${polar['track_id'] ?? ''}].title`),
    ).toMatchObject({
      before: { text: 'Polar Night' },
      after: { text: 'Polar Night (2027)' },
    });
    expect(create).toMatchObject({ action: 'create', title: 'Brand New', source: 'row 7' });

    const applied = await test.request<ChangePlan>({
      method: 'POST',
      url: `${CATALOG}/plans/${preview.body.planId}/apply`,
      user: EDITOR,
    });
    expect(applied.status).toBe(200);
    const album = await release(polar['release_id'] ?? '');
    expect(
      album.draft.tracks.map((track) => [track.trackId === bonus['track_id'], track.title.text, track.disc]),
    ).toEqual([
      [false, 'Polar Night (2027)', 1],
      [false, 'Ice\nShelf', 1],
      [false, 'Aurora', 1],
      [true, 'Bonus', 2],
    ]);
    // What the file does not hold (translations, artist links) stays as it was.
    expect(album.draft.title.translations).toEqual([{ language: 'en', text: 'Northern Lights' }]);
    expect(album.draft.contributors[0]?.artistId).toBe(ARTIST_ID);
    const history = await test.request<Page<ReleaseHistoryEntry> | ReleaseHistoryEntry[]>({
      method: 'GET',
      url: `${CATALOG}/releases/${album.releaseId}/history`,
      user: EDITOR,
    });
    const entries = Array.isArray(history.body) ? history.body : history.body.items;
    expect(entries[0]).toMatchObject({ source: 'csv', planId: preview.body.planId });
    const created = await release(create?.releaseId ?? '');
    expect([
      created.draft.title.text,
      created.draft.artistIds,
      created.draft.tracks.map((track) => track.title.text),
    ]).toEqual(['Brand New', [ARTIST_ID], ['Fresh']]);

    // Applied, the export reads back as unchanged again.
    const again = await importCsv(await exportCsv());
    expect(again.body.summary).toMatchObject({ creates: 0, updates: 0, errors: 0 });
  });

  it('reports every row problem by line and column, and refuses to apply such a plan', async () => {
    const csv = csvOf(BASIC_COLUMNS, [
      {
        upc: '4006381333931',
        release_type: 'ep',
        release_title: 'Good',
        release_display_artist: 'Kai',
        track_title: 'One',
        isrc: 'DEAB12700001',
      },
      {
        upc: '4006381333932',
        release_type: 'ep',
        release_title: 'Bad UPC',
        release_display_artist: 'Kai',
        track_title: 'Two',
      },
      {
        upc: '5012345678900',
        release_type: 'ep',
        release_title: 'Twice',
        release_display_artist: 'Kai',
        track_title: 'A',
        isrc: 'DEAB12700002',
      },
      {
        upc: '5012345678900',
        release_type: 'ep',
        release_title: 'Twice',
        release_display_artist: 'Kai',
        track_title: 'B',
        isrc: 'DE-AB1-27-00002',
      },
      {
        upc: '0012345678912',
        release_type: 'vinyl',
        release_title: 'Odd',
        release_display_artist: 'Kai',
        track_title: 'C',
        duration_ms: '3:10',
      },
    ]);
    const preview = await importCsv(csv);
    expect(preview.status).toBe(201);
    expect(preview.body.errors.map((error) => [error.field, error.code])).toEqual([
      ['rows.3.upc', 'CATALOG.INVALID_UPC'],
      ['rows.5.isrc', 'CATALOG.DUPLICATE_ISRC'],
      ['rows.6.release_type', 'CATALOG.INVALID_METADATA'],
      ['rows.6.duration_ms', 'CATALOG.INVALID_METADATA'],
    ]);
    expect(preview.body.summary).toMatchObject({ creates: 1, errors: 4 });
    const refused = await test.request<ProblemDetails>({
      method: 'POST',
      url: `${CATALOG}/plans/${preview.body.planId}/apply`,
      user: EDITOR,
    });
    expect([refused.status, refused.body.code, refused.body.errors?.length]).toEqual([
      422,
      'CATALOG.PLAN_HAS_ERRORS',
      4,
    ]);
  });

  it('reports rows that disagree about their release, unknown ids and repeated track numbers', async () => {
    const columns = [
      'release_id',
      'upc',
      'release_type',
      'release_title',
      'release_display_artist',
      'track_id',
      'disc',
      'track_number',
      'track_title',
    ];
    const kai = { release_type: 'ep', release_display_artist: 'Kai' };
    const preview = await importCsv(
      csvOf(columns, [
        { ...kai, upc: '0012345678912', release_title: 'Same', track_number: '1', track_title: 'A' },
        { ...kai, upc: '0012345678912', release_title: 'Not the same', track_number: '2', track_title: 'B' },
        { ...kai, release_id: 'no-such-release', release_title: 'Ghost', track_title: 'C' },
        { ...kai, release_title: 'Numbers', track_number: '1', track_title: 'D' },
        { ...kai, release_title: 'Numbers', disc: 'two', track_number: '1', track_title: 'E' },
        { ...kai, release_title: 'Numbers', track_number: '1', track_title: 'F' },
        { ...kai, release_title: 'Strange', track_id: 'track-of-nothing', track_title: 'G' },
      ]),
    );
    expect(preview.body.errors.map((error) => [error.field, error.code])).toEqual([
      ['rows.3.release_title', 'CATALOG.INVALID_CSV'],
      ['rows.4.release_id', 'CATALOG.RELEASE_NOT_FOUND'],
      ['rows.6.disc', 'CATALOG.INVALID_CSV'],
      ['rows.7.track_number', 'CATALOG.INVALID_CSV'],
      ['rows.8.track_id', 'CATALOG.TRACK_NOT_FOUND'],
    ]);
    expect(preview.body.items).toEqual([]);
  });

  it('reports UPCs and ISRCs another organisation holds', async () => {
    const theirs = await test.request<ReleaseDetail>({
      method: 'POST',
      url: `${orgCatalogPath(OTHER)}/releases`,
      user: OUTSIDER,
      body: {
        draft: {
          type: 'single',
          title: 'Theirs',
          displayArtist: 'Else',
          upc: '0614141000036',
          tracks: [{ title: 'X', isrc: 'GBXYZ2700001' }],
        },
      },
    });
    expect(theirs.status).toBe(201);
    const preview = await importCsv(
      csvOf(BASIC_COLUMNS, [
        {
          upc: '0614141000036',
          release_type: 'single',
          release_title: 'Mine',
          release_display_artist: 'Kai',
          track_title: 'Y',
          isrc: 'GB-XYZ-27-00001',
        },
      ]),
    );
    expect(preview.body.errors.map((error) => [error.field, error.code])).toEqual([
      ['rows.2.upc', 'CATALOG.DUPLICATE_UPC'],
      ['rows.2.isrc', 'CATALOG.DUPLICATE_ISRC'],
    ]);
  });

  it('refuses a file without a required column, with an unknown column or an unterminated quote', async () => {
    const missing = await importCsv<ProblemDetails>(
      'upc,release_type,release_display_artist,track_title\n,ep,Kai,One\n',
    );
    expect([missing.status, missing.body.code, missing.body.errors?.map((error) => error.field)]).toEqual([
      422,
      'CATALOG.INVALID_CSV',
      ['rows.1.release_title'],
    ]);
    const unknown = await importCsv<ProblemDetails>(`${BASIC_COLUMNS.join(',')},mood\n`);
    expect(unknown.body.errors?.map((error) => error.field)).toEqual(['rows.1.mood']);
    const unterminated = await importCsv<ProblemDetails>(
      `${BASIC_COLUMNS.join(',')}\n,ep,Fine,Kai,One,,\n,ep,"Broken,Kai,Two,,\n`,
    );
    expect([
      unterminated.status,
      unterminated.body.code,
      unterminated.body.errors?.map((error) => error.field),
    ]).toEqual([422, 'CATALOG.INVALID_CSV', ['rows.3.release_title']]);
    const twoFiles = await importFiles<ProblemDetails>([
      { name: 'a.csv', content: BASIC_COLUMNS.join(',') },
      { name: 'b.csv', content: BASIC_COLUMNS.join(',') },
    ]);
    expect(twoFiles.body.errors?.map((error) => error.field)).toEqual(['files']);
    const mismatched = await importCsv(`${BASIC_COLUMNS.join(',')}\n,ep,Short row,Kai\n`);
    expect(mismatched.body.errors.map((error) => error.field)).toEqual(['rows.2']);
  });

  it('takes large imports as a stream, hands ERN files to the ERN importer, and checks who imports', async () => {
    const csv = await exportCsv();
    const streamed = await test.request<ChangePlan>({
      method: 'POST',
      url: `${CATALOG}/imports`,
      user: EDITOR,
      headers: { 'content-type': IMPORT_CONTENT_TYPE },
      body: JSON.stringify({ format: 'csv', files: [{ name: 'big.csv', content: csv }] }),
    });
    expect([streamed.status, streamed.body.kind, streamed.body.summary.errors]).toEqual([201, 'csv', 0]);
    const unknownField = await test.request<ProblemDetails>({
      method: 'POST',
      url: `${CATALOG}/imports`,
      user: EDITOR,
      headers: { 'content-type': IMPORT_CONTENT_TYPE },
      body: JSON.stringify({ format: 'csv', files: [], extra: true }),
    });
    expect([unknownField.status, unknownField.body.code]).toEqual([400, 'VALIDATION.FAILED']);

    const ernPlan = await importFiles(
      [{ name: 'album.xml', content: '<NewReleaseMessage/>' }],
      EDITOR,
      'ern',
    );
    expect([ernPlan.status, ernPlan.body.kind, ernPlan.body.errors.map((error) => error.field)]).toEqual([
      201,
      'ern',
      ['album.xml:/NewReleaseMessage'],
    ]);
    expect(ern.calls).toEqual([
      { orgId: ORG, files: [{ name: 'album.xml', content: '<NewReleaseMessage/>' }] },
    ]);

    expect((await importCsv(csv, READER)).status).toBe(403);
    expect((await test.request({ method: 'GET', url: `${CATALOG}/export.csv`, user: OUTSIDER })).status).toBe(
      403,
    );
    const theirs = await test.request<string>({
      method: 'GET',
      url: `${orgCatalogPath(OTHER)}/export.csv`,
      user: OUTSIDER,
    });
    expect(theirs.status).toBe(200);
    expect(rowsOf(theirs.text).map((row) => row['release_title'])).not.toContain('Nordlys');
  });
});
