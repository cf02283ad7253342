import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import {
  type Artist,
  type ChangePlan,
  orgCatalogPath,
  type ReleaseDetail,
  type ReleaseDraftInput,
} from '@bandstand/catalog/contracts';
import { type Page, type ProblemDetails } from '@bandstand/shared/contracts';
import { type CatalogTestApp, startCatalogTestApp } from '../../testing/catalog.test-kit';
import { artistsArea } from '../artists/artists.area';
import { IMPORT_CONTENT_TYPE } from '../plans/catalog-csv.controller';
import { plansArea } from '../plans/plans.area';
import { releasesArea } from '../releases/releases.area';
import { ernArea } from './ern.area';

// DDEX ERN over HTTP: import previews and plans, exports valid against the ERN 4.3 schema, the
// round trip, access, and hostile payloads refused with nothing created.

const ORG = 'org-ern';
const OTHER = 'org-ern-other';
const OWNER = 'user-ern-owner';
const EDITOR = 'user-ern-editor';
const READER = 'user-ern-reader';
const OUTSIDER = 'user-ern-outsider';
const CATALOG = orgCatalogPath(ORG);
const HERE = __dirname;
const album = readFileSync(join(HERE, 'fixtures', 'album-dawn.xml'), 'utf8');
const schemaFile = (name: string): string => readFileSync(join(HERE, 'schema', name), 'utf8');
const FILE = 'album-dawn.xml';

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'message.xml', contents: xml }],
    schema: [
      { fileName: 'ern43/release-notification.xsd', contents: schemaFile('ern43/release-notification.xsd') },
    ],
    preload: [{ fileName: 'allowed-value-sets.xsd', contents: schemaFile('allowed-value-sets.xsd') }],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

describe('DDEX ERN import and export', () => {
  let test: CatalogTestApp;
  let auroraId: string;
  let releaseId: string;

  function importErn<T = ChangePlan>(files: { name: string; content: string }[], user = EDITOR) {
    return test.request<T>({
      method: 'POST',
      url: `${CATALOG}/imports`,
      user,
      body: { format: 'ern', files },
    });
  }

  function exportErn(query: string, user = EDITOR, id = releaseId) {
    return test.request<string>({ method: 'GET', url: `${CATALOG}/releases/${id}/ern${query}`, user });
  }

  async function counts(): Promise<{ plans: number; releases: number; artists: number }> {
    const [row] = await test.db.query<{ plans: number; releases: number; artists: number }>(
      `select (select count(*)::int from catalog.change_plans) as plans,
              (select count(*)::int from catalog.releases) as releases,
              (select count(*)::int from catalog.artists) as artists`,
    );
    if (row === undefined) throw new Error('No counts');
    return row;
  }

  async function detail(id: string): Promise<ReleaseDetail> {
    const reply = await test.request<ReleaseDetail>({
      method: 'GET',
      url: `${CATALOG}/releases/${id}`,
      user: EDITOR,
    });
    expect(reply.status).toBe(200);
    return reply.body;
  }

  beforeAll(async () => {
    test = await startCatalogTestApp({
      areas: [artistsArea, releasesArea, plansArea, ernArea],
      http: true,
      teams: {
        [ORG]: { [OWNER]: 'owner', [EDITOR]: 'editor', [READER]: 'reader' },
        [OTHER]: { [OUTSIDER]: 'owner' },
      },
    });
    const artist = await test.createArtist(ORG, EDITOR, {
      name: 'Aurora Lane',
      isni: '0000 0001 2345 6789',
      country: 'NO',
    });
    auroraId = artist.artistId;
  });

  afterAll(async () => {
    await test.close();
  });

  it('previews an album as a plan creating one release, matching its artist by ISNI', async () => {
    const preview = await importErn([{ name: FILE, content: album }]);
    expect(preview.status).toBe(201);
    expect(preview.body.kind).toBe('ern');
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.summary).toMatchObject({ creates: 1, updates: 0, errors: 0, tracksChanged: 3 });
    expect(preview.body.items[0]).toMatchObject({
      action: 'create',
      title: '夜明けの街',
      upc: '195028695007',
      source: `${FILE}:/NewReleaseMessage/ReleaseList/Release`,
    });

    const applied = await test.request<ChangePlan>({
      method: 'POST',
      url: `${CATALOG}/plans/${preview.body.planId}/apply`,
      user: EDITOR,
    });
    expect(applied.status).toBe(200);
    releaseId = applied.body.items[0]?.releaseId ?? '';
    const release = await detail(releaseId);
    expect(release.draft).toMatchObject({
      type: 'album',
      title: { text: '夜明けの街', language: 'ja' },
      artistIds: [auroraId],
      upc: '195028695007',
      labelName: 'Lumen Records',
      genre: 'Pop',
      languages: ['ja', 'en'],
    });
    expect(
      release.draft.tracks.map((track) => [track.title.text, track.isrc, track.durationMs, track.genre]),
    ).toEqual([
      ['夜明け', 'JPLM12700001', 205_000, null],
      ['Northern Lights', 'JPLM12700002', 238_500, 'Synthpop'],
      ['Зора', 'JPLM12700003', 242_000, null],
    ]);
    expect(
      release.draft.tracks[1]?.contributors.map((contributor) => [
        contributor.name,
        contributor.artistId,
        contributor.roles,
      ]),
    ).toEqual([
      ['Aurora Lane', auroraId, ['main-artist']],
      ['Kestrel', null, ['featured-artist']],
      ['Mika Sato', null, ['producer', 'composer']],
    ]);
    const artists = await test.request<Page<Artist>>({
      method: 'GET',
      url: `${CATALOG}/artists`,
      user: EDITOR,
    });
    expect(artists.body.items.map((artist) => artist.name.text)).toEqual(['Aurora Lane']);
  });

  it('exports the published version as ERN 4.3 valid against the schema, and it imports back unchanged', async () => {
    const release = await detail(releaseId);
    const published = await test.request<ReleaseDetail>({
      method: 'POST',
      url: `${CATALOG}/releases/${releaseId}/versions`,
      user: OWNER,
      body: { expectedRevision: release.revision },
    });
    expect(published.status).toBe(201);

    const exported = await exportErn('', READER);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(exported.headers['content-disposition']).toBe(
      `attachment; filename="195028695007_${releaseId}.xml"`,
    );
    await expect(schemaErrors(exported.text)).resolves.toEqual([]);
    expect(exported.text).toContain('<PartyId>PADPIDA0000000000B</PartyId>');
    expect(exported.text).toContain('<FullName>Bandstand</FullName>');

    const again = await importErn([{ name: 'export.xml', content: exported.text }]);
    expect(again.status).toBe(201);
    expect(again.body.summary).toMatchObject({ creates: 0, updates: 0, unchanged: 1, errors: 0 });
    expect(again.body.items[0]).toMatchObject({ action: 'unchanged', releaseId, changes: [] });
  });

  it('exports the draft or a given version, and refuses what is not there', async () => {
    const draft = await exportErn('?draft=true');
    expect(draft.status).toBe(200);
    await expect(schemaErrors(draft.text)).resolves.toEqual([]);
    expect((await exportErn('?version=1')).status).toBe(200);

    const missing = await test.request<ProblemDetails>({
      method: 'GET',
      url: `${CATALOG}/releases/${releaseId}/ern?version=7`,
      user: EDITOR,
    });
    expect([missing.status, missing.body.code]).toEqual([404, 'CATALOG.VERSION_NOT_FOUND']);
    const foreign = await test.request<ProblemDetails>({
      method: 'GET',
      url: `${orgCatalogPath(OTHER)}/releases/${releaseId}/ern`,
      user: OUTSIDER,
    });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'CATALOG.RELEASE_NOT_FOUND']);
    expect((await exportErn('', OUTSIDER)).status).toBe(403);
    expect((await exportErn('?version=one')).status).toBe(400);
  });

  it('refuses to export a draft that ERN cannot carry, naming what it lacks', async () => {
    const draft: ReleaseDraftInput = {
      type: 'single',
      title: 'Sketch',
      displayArtist: 'Aurora Lane',
      artistIds: [auroraId],
      tracks: [{ title: 'Sketch' }],
    };
    const created = await test.request<ReleaseDetail>({
      method: 'POST',
      url: `${CATALOG}/releases`,
      user: EDITOR,
      body: { draft },
    });
    expect(created.status).toBe(201);
    const refused = await test.request<ProblemDetails>({
      method: 'GET',
      url: `${CATALOG}/releases/${created.body.releaseId}/ern?draft=true`,
      user: EDITOR,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CATALOG.RELEASE_INCOMPLETE');
    expect(refused.body.errors?.map((error) => error.field)).toEqual(['genre', 'tracks.0.durationMs']);
    const unpublished = await test.request<ProblemDetails>({
      method: 'GET',
      url: `${CATALOG}/releases/${created.body.releaseId}/ern`,
      user: EDITOR,
    });
    expect([unpublished.status, unpublished.body.code]).toEqual([404, 'CATALOG.VERSION_NOT_FOUND']);
  });

  it('updates the release with the same UPC, and reports invalid metadata on its element', async () => {
    const edited = album
      .replace('\n        <SubGenre>City Pop</SubGenre>', '')
      .replaceAll('<GenreText>Pop</GenreText>', '<GenreText>J-Pop</GenreText>')
      .replace('<ISRC>JPLM12700003</ISRC>', '<ISRC>JPLM1270000Z</ISRC>');
    const preview = await importErn([{ name: FILE, content: edited }]);
    expect(preview.status).toBe(201);
    expect(preview.body.errors.map((error) => [error.field, error.code])).toEqual([
      [
        `${FILE}:/NewReleaseMessage/ResourceList/SoundRecording[3]/SoundRecordingEdition/ResourceId/ISRC`,
        'CATALOG.INVALID_ISRC',
      ],
    ]);

    const fixed = await importErn([{ name: FILE, content: edited.replace('JPLM1270000Z', 'JPLM12700003') }]);
    expect(fixed.body.errors).toEqual([]);
    expect(fixed.body.items[0]).toMatchObject({ action: 'update', releaseId });
    expect(fixed.body.items[0]?.changes.map((change) => change.path).sort()).toEqual(['genre', 'subgenre']);
  });

  describe('refuses hostile or broken messages with 422, the code and the element, and creates nothing', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n');
    const cases: [string, string, string, string][] = [
      ['a billion laughs', laughs, 'CATALOG.INVALID_XML', `${FILE}:/`],
      [
        'an external entity',
        album
          .replace(
            '<ern:NewReleaseMessage',
            '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<ern:NewReleaseMessage',
          )
          .replace('<FullName>Kestrel</FullName>', '<FullName>&xxe;</FullName>'),
        'CATALOG.INVALID_XML',
        `${FILE}:/`,
      ],
      [
        '10,000 nested elements',
        `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`,
        'CATALOG.INVALID_XML',
        `${FILE}:/${Array.from({ length: 65 }, () => 'a').join('/')}`,
      ],
      [
        'a 2 MiB text node',
        album.replace('<FullName>Kestrel</FullName>', `<FullName>${'k'.repeat(2 * 1024 * 1024)}</FullName>`),
        'CATALOG.INVALID_XML',
        `${FILE}:/NewReleaseMessage/PartyList/Party[2]/PartyName/FullName`,
      ],
      [
        'a truncated message',
        album.slice(0, album.indexOf('</ResourceList>')),
        'CATALOG.INVALID_XML',
        `${FILE}:/NewReleaseMessage/ResourceList`,
      ],
      [
        'mismatched tags',
        album.replace('<Duration>PT3M25S</Duration>', '<Duration>PT3M25S</Length>'),
        'CATALOG.INVALID_XML',
        `${FILE}:/NewReleaseMessage/ResourceList/SoundRecording/Duration`,
      ],
      [
        'a huge attribute count',
        album.replace(
          '<Release LanguageAndScriptCode="ja">',
          `<Release ${Array.from({ length: 5000 }, (_, i) => `a${i}="x"`).join(' ')}>`,
        ),
        'CATALOG.INVALID_XML',
        `${FILE}:/NewReleaseMessage/ReleaseList/Release`,
      ],
      [
        'a reference to no party',
        album.replace(
          '<ArtistPartyReference>PKestrel</ArtistPartyReference>',
          '<ArtistPartyReference>PGhost</ArtistPartyReference>',
        ),
        'CATALOG.UNKNOWN_ERN_REFERENCE',
        `${FILE}:/NewReleaseMessage/ResourceList/SoundRecording[2]/DisplayArtist[2]/ArtistPartyReference`,
      ],
      [
        'a missing required element',
        album.replace(/<MessageHeader>[\s\S]*<\/MessageHeader>/, ''),
        'CATALOG.INVALID_ERN',
        `${FILE}:/NewReleaseMessage/MessageHeader`,
      ],
    ];

    it.each(cases)('%s', async (_name, content, code, field) => {
      const before = await counts();
      const reply = await test.request<ProblemDetails>({
        method: 'POST',
        url: `${CATALOG}/imports`,
        user: EDITOR,
        headers: { 'content-type': IMPORT_CONTENT_TYPE },
        body: JSON.stringify({ format: 'ern', files: [{ name: FILE, content }] }),
      });
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe(code);
      expect(reply.body.errors?.[0]?.field).toBe(field);
      await expect(counts()).resolves.toEqual(before);
    });
  });
});
