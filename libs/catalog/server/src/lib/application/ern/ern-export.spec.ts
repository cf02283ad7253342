import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { type ReleaseDraft, type ReleaseSchedule } from '@bandstand/catalog/contracts';
import { mergeImportedDraft, parseReleaseDraft } from '@bandstand/catalog/domain';
import { readXml } from '../../infrastructure/xml/xml-reader';
import { buildNewReleaseMessage, type ErnExportInput, ernExportProblems } from './ern-message.builder';
import { ernDraftInput, mapErnMessage } from './ern-message.mapper';

const HERE = __dirname;
const schema = (name: string): string => readFileSync(join(HERE, 'schema', name), 'utf8');
const album = readFileSync(join(HERE, 'fixtures', 'album-dawn.xml'), 'utf8');
const AURORA = 'artist-aurora';

/** The schema's verdict on a message: valid, or libxml2's messages. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'message.xml', contents: xml }],
    schema: [
      { fileName: 'ern43/release-notification.xsd', contents: schema('ern43/release-notification.xsd') },
    ],
    preload: [{ fileName: 'allowed-value-sets.xsd', contents: schema('allowed-value-sets.xsd') }],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

function parsedAlbum(): ReleaseDraft {
  const mapped = mapErnMessage(readXml(album), 'album-dawn.xml');
  let next = 0;
  const parsed = parseReleaseDraft(
    ernDraftInput(mapped, (party) => (party.name === 'Aurora Lane' ? AURORA : null)),
    { previous: null, newId: () => `trk-${(next += 1)}` },
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

function exportInput(draft: ReleaseDraft, schedule: ReleaseSchedule | null = null): ErnExportInput {
  return {
    releaseId: 'rel-1',
    draft,
    schedule,
    artists: new Map([[AURORA, { name: 'Aurora Lane', isni: '0000000123456789', ipi: null }]]),
    sender: { partyId: 'PADPIDA0000000000B', name: 'Bandstand' },
    messageId: 'msg-1',
    createdAt: '2027-03-01T12:00:00.000Z',
  };
}

/** A draft read back from its export, as an import of an existing release would see it. */
function reimported(draft: ReleaseDraft, xml: string): ReleaseDraft {
  const mapped = mapErnMessage(readXml(xml), 'export.xml');
  const parsed = parseReleaseDraft(
    ernDraftInput(mapped, (party) => (party.name === 'Aurora Lane' ? AURORA : null)),
    { previous: draft, newId: () => 'new-track' },
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return mergeImportedDraft(draft, parsed.value);
}

describe('the vendored ERN 4.3 schema', () => {
  it('accepts the import fixture', async () => {
    await expect(schemaErrors(album)).resolves.toEqual([]);
  });

  it('refuses what the published schema refuses', async () => {
    const errors = await schemaErrors(
      album.replace('<Duration>PT4M2S</Duration>', '').replace('<ReleaseType>Album<', '<ReleaseType>LP<'),
    );
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toContain("Element 'ParentalWarningType': This element is not expected");
    expect(errors.join('\n')).toContain("The value 'LP' is not an element of the set");
  });
});

describe('buildNewReleaseMessage', () => {
  it('writes a message the ERN 4.3 schema accepts, with the header, parties, resources and releases', async () => {
    const xml = buildNewReleaseMessage(exportInput(parsedAlbum()));
    await expect(schemaErrors(xml)).resolves.toEqual([]);
    const root = readXml(xml);
    expect(root.name).toBe('ern:NewReleaseMessage');
    expect(root.namespaceUri).toBe('http://ddex.net/xml/ern/43');
    expect(xml).toContain('<MessageSender>\n      <PartyId>PADPIDA0000000000B</PartyId>');
    expect(xml).toContain('<MessageCreatedDateTime>2027-03-01T12:00:00.000Z</MessageCreatedDateTime>');
    expect(xml).toContain('<ICPN>195028695007</ICPN>');
    expect(xml).toContain('<DisplayTitleText LanguageAndScriptCode="sr-Cyrl">Зора</DisplayTitleText>');
    expect(xml).toContain('<Role>StudioProducer</Role>');
    expect(xml).not.toContain('<DealList>');
  });

  it('writes the schedule as one deal per release moment', async () => {
    const schedule: ReleaseSchedule = {
      releaseAt: '2027-03-05T00:00:00.000Z',
      territories: ['WW'],
      excludedTerritories: ['CU'],
      territoryReleases: [{ territory: 'NZ', releaseAt: '2027-03-04T11:00:00.000Z' }],
      embargoes: [],
    };
    const xml = buildNewReleaseMessage(exportInput(parsedAlbum(), schedule));
    await expect(schemaErrors(xml)).resolves.toEqual([]);
    const deals = xml.slice(xml.indexOf('<DealList>'));
    expect(deals).toContain('<ExcludedTerritoryCode>CU</ExcludedTerritoryCode>');
    expect(deals).toContain('<ExcludedTerritoryCode>NZ</ExcludedTerritoryCode>');
    expect(deals).toContain('<TerritoryCode>NZ</TerritoryCode>');
    expect(deals).toContain('<StartDateTime>2027-03-04T11:00:00.000Z</StartDateTime>');
    expect(deals.match(/<DealReleaseReference>/g)).toHaveLength(4);

    const everywhere = buildNewReleaseMessage(
      exportInput(parsedAlbum(), { ...schedule, excludedTerritories: [], territoryReleases: [] }),
    );
    expect(everywhere).toContain('<TerritoryCode>Worldwide</TerritoryCode>');
    await expect(schemaErrors(everywhere)).resolves.toEqual([]);
  });

  it('writes discs as component groups and a compilation as a multi-artist compilation', async () => {
    const draft = parsedAlbum();
    const twoDiscs: ReleaseDraft = {
      ...draft,
      type: 'compilation',
      tracks: draft.tracks.map((track, index) => ({ ...track, disc: index === 2 ? 2 : 1 })),
    };
    const xml = buildNewReleaseMessage(exportInput(twoDiscs));
    await expect(schemaErrors(xml)).resolves.toEqual([]);
    expect(xml).toContain('<ResourceGroup ResourceGroupType="Component">');
    expect(xml).toContain('<IsMultiArtistCompilation>true</IsMultiArtistCompilation>');
    const back = mapErnMessage(readXml(xml), 'export.xml');
    expect(back.type).toBe('compilation');
    expect(back.tracks.map((track) => track.disc)).toEqual([1, 1, 2]);
  });

  it('round-trips: the export of a draft imports back to the same draft', () => {
    const draft = parsedAlbum();
    expect(reimported(draft, buildNewReleaseMessage(exportInput(draft)))).toEqual(draft);
  });

  it('names what a draft lacks for ERN', () => {
    const draft = parsedAlbum();
    const lacking: ReleaseDraft = {
      ...draft,
      genre: null,
      artistIds: [],
      contributors: [],
      tracks: draft.tracks.map((track, index) => (index === 1 ? { ...track, durationMs: null } : track)),
    };
    expect(ernExportProblems(lacking).map((problem) => [problem.field, problem.code])).toEqual([
      ['genre', 'CATALOG.RELEASE_INCOMPLETE'],
      ['artistIds', 'CATALOG.RELEASE_INCOMPLETE'],
      ['tracks.1.durationMs', 'CATALOG.RELEASE_INCOMPLETE'],
    ]);
    expect(ernExportProblems(draft)).toEqual([]);
  });
});
