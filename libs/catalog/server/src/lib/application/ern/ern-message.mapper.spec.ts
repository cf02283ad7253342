import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DomainError } from '@bandstand/shared/contracts';
import { CatalogError, parseReleaseDraft } from '@bandstand/catalog/domain';
import { readXml } from '../../infrastructure/xml/xml-reader';
import {
  elementPathOf,
  ernDraftInput,
  formatIsoDuration,
  mapErnMessage,
  parseIsoDuration,
} from './ern-message.mapper';

const FIXTURES = join(__dirname, 'fixtures');
const album = readFileSync(join(FIXTURES, 'album-dawn.xml'), 'utf8');

function refusal(xml: string): DomainError {
  try {
    mapErnMessage(readXml(xml), 'dawn.xml');
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('The message was accepted');
}

describe('ISO 8601 durations', () => {
  it.each([
    ['PT3M25S', 205_000],
    ['PT3M58.5S', 238_500],
    ['PT1H2M3S', 3_723_000],
    ['PT45S', 45_000],
    ['P1DT1S', 86_401_000],
  ])('%s is %d ms', (iso, ms) => {
    expect(parseIsoDuration(iso)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '3:25', 'PT3M25', 'P1Y', 'PT-3S'])('refuses %p', (iso) => {
    expect(parseIsoDuration(iso)).toBeNull();
  });

  it('writes durations back', () => {
    expect([205_000, 238_500, 3_723_000, 3_600_000, 0, 1].map(formatIsoDuration)).toEqual([
      'PT3M25S',
      'PT3M58.5S',
      'PT1H2M3S',
      'PT1H0M0S',
      'PT0S',
      'PT0.001S',
    ]);
  });
});

describe('mapErnMessage', () => {
  it('maps the album: titles in several scripts, credits, order, identifiers and lines', () => {
    const release = mapErnMessage(readXml(album), 'dawn.xml');
    expect(release).toMatchObject({
      fileName: 'dawn.xml',
      messageId: 'LUMEN-2027-0001',
      path: '/NewReleaseMessage/ReleaseList/Release',
      type: 'album',
      title: {
        text: '夜明けの街',
        language: 'ja',
        translations: [
          { language: 'en', text: 'City at Dawn' },
          { language: 'ja-Latn', text: 'Yoake no Machi' },
        ],
      },
      versionTitle: null,
      displayArtist: 'Aurora Lane',
      upc: '195028695007',
      catalogNumber: 'LUMEN-042',
      labelName: 'Lumen Records',
      genre: 'Pop',
      subgenre: 'City Pop',
      parentalWarning: 'explicit',
      languages: ['ja', 'en'],
      pLine: { year: 2027, owner: 'Lumen Records' },
      cLine: { year: 2027, owner: 'Lumen Records' },
    });
    expect(release.mainArtists.map((party) => party.name)).toEqual(['Aurora Lane']);
    expect(
      release.tracks.map((track) => ({
        title: track.title,
        versionTitle: track.versionTitle,
        isrc: track.isrc,
        iswc: track.iswc,
        durationMs: track.durationMs,
        genre: track.genre,
        language: track.language,
        warning: track.parentalWarning,
        credits: track.credits.map((credit) => `${credit.party.name ?? ''}: ${credit.roles.join('+')}`),
      })),
    ).toEqual([
      {
        title: {
          text: '夜明け',
          language: 'ja',
          translations: [
            { language: 'ja-Latn', text: 'Yoake' },
            { language: 'en', text: 'Dawn' },
          ],
        },
        versionTitle: null,
        isrc: 'JPLM12700001',
        iswc: 'T0345246801',
        durationMs: 205_000,
        genre: null,
        language: 'ja',
        warning: 'not-explicit',
        credits: ['Aurora Lane: main-artist', 'Mika Sato: composer', 'Jonas Berg: lyricist'],
      },
      {
        title: { text: 'Northern Lights', language: 'en', translations: [] },
        versionTitle: 'Radio Edit',
        isrc: 'JPLM12700002',
        iswc: null,
        durationMs: 238_500,
        genre: 'Synthpop',
        language: 'en',
        warning: 'explicit',
        credits: ['Aurora Lane: main-artist', 'Kestrel: featured-artist', 'Mika Sato: producer+composer'],
      },
      {
        title: { text: 'Зора', language: 'sr-Cyrl', translations: [{ language: 'sr-Latn', text: 'Zora' }] },
        versionTitle: null,
        isrc: 'JPLM12700003',
        iswc: 'T1234567894',
        durationMs: 242_000,
        genre: null,
        language: 'zxx',
        warning: 'not-explicit',
        credits: ['Aurora Lane: main-artist', 'Mika Sato: composer'],
      },
    ]);
  });

  it('gives a draft input the domain parser accepts, with the matched artists', () => {
    const release = mapErnMessage(readXml(album), 'dawn.xml');
    const input = ernDraftInput(release, (party) => (party.reference === 'PAurora' ? 'artist-aurora' : null));
    let next = 0;
    const parsed = parseReleaseDraft(input, { previous: null, newId: () => `trk-${(next += 1)}` });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.artistIds).toEqual(['artist-aurora']);
    expect(
      parsed.value.tracks.map((track) => [track.trackId, track.disc, track.contributors[0]?.artistId]),
    ).toEqual([
      ['trk-1', 1, 'artist-aurora'],
      ['trk-2', 1, 'artist-aurora'],
      ['trk-3', 1, 'artist-aurora'],
    ]);
    expect(parsed.value.tracks[0]?.contributors[1]).toEqual({
      name: 'Mika Sato',
      artistId: null,
      roles: ['composer'],
      isni: null,
      ipi: '00052210040',
      instrument: null,
    });
  });

  it('maps draft errors back to elements', () => {
    const release = mapErnMessage(
      readXml(
        album
          .replace('JPLM12700002', 'JPLM1270000X')
          .replace('<ISNI>0000000123456789</ISNI>', '<ISNI>0000000123456788</ISNI>'),
      ),
      'dawn.xml',
    );
    const parsed = parseReleaseDraft(
      ernDraftInput(release, () => null),
      { previous: null, newId: () => 'trk' },
    );
    if (parsed.ok) throw new Error('The draft was accepted');
    const fields = parsed.errors.map((error) => elementPathOf(release, error.field));
    expect(fields).toContain(
      '/NewReleaseMessage/ResourceList/SoundRecording[2]/SoundRecordingEdition/ResourceId/ISRC',
    );
    expect(fields).toContain('/NewReleaseMessage/PartyList/Party/PartyId/ISNI');
    expect(elementPathOf(release, 'somethingElse')).toBe('/NewReleaseMessage/ReleaseList/Release');
  });

  it('orders tracks by disc and sequence, discs from nested resource groups', () => {
    const xml = album.replace(
      /<ResourceGroup>[\s\S]*<\/ResourceGroup>/,
      `<ResourceGroup>
        <ResourceGroup ResourceGroupType="Component"><SequenceNumber>2</SequenceNumber>
          <ResourceGroupContentItem><SequenceNumber>1</SequenceNumber><ReleaseResourceReference>A1</ReleaseResourceReference></ResourceGroupContentItem>
        </ResourceGroup>
        <ResourceGroup ResourceGroupType="Component"><SequenceNumber>1</SequenceNumber>
          <ResourceGroupContentItem><SequenceNumber>2</SequenceNumber><ReleaseResourceReference>A2</ReleaseResourceReference></ResourceGroupContentItem>
          <ResourceGroupContentItem><SequenceNumber>1</SequenceNumber><ReleaseResourceReference>A3</ReleaseResourceReference></ResourceGroupContentItem>
        </ResourceGroup>
      </ResourceGroup>`,
    );
    const release = mapErnMessage(readXml(xml), 'dawn.xml');
    expect(release.tracks.map((track) => [track.isrc, track.disc])).toEqual([
      ['JPLM12700003', 1],
      ['JPLM12700002', 1],
      ['JPLM12700001', 2],
    ]);
  });

  it('refuses a reference to no party, naming the element', () => {
    const error = refusal(
      album.replace('<ContributorPartyReference>PJonas', '<ContributorPartyReference>PNobody'),
    );
    expect(error.code).toBe('CATALOG.UNKNOWN_ERN_REFERENCE');
    expect(error.field).toBe(
      'dawn.xml:/NewReleaseMessage/ResourceList/SoundRecording/Contributor[2]/ContributorPartyReference',
    );
  });

  it('refuses a reference to no resource', () => {
    const error = refusal(
      album.replace(
        '<ReleaseResourceReference>A3</ReleaseResourceReference>',
        '<ReleaseResourceReference>A9</ReleaseResourceReference>',
      ),
    );
    expect(error.code).toBe('CATALOG.UNKNOWN_ERN_REFERENCE');
    expect(error.field).toBe(
      'dawn.xml:/NewReleaseMessage/ReleaseList/Release/ResourceGroup/ResourceGroupContentItem[3]/ReleaseResourceReference',
    );
  });

  it('refuses missing required elements, each with its path', () => {
    const error = refusal(
      album
        .replace('<DisplayTitleText LanguageAndScriptCode="en">Northern Lights</DisplayTitleText>', '')
        .replace(/<DisplayTitle LanguageAndScriptCode="en">[\s\S]*?<\/DisplayTitle>/, '')
        .replace('<Duration>PT4M2S</Duration>', '<Duration>four minutes</Duration>'),
    );
    expect(error.code).toBe('CATALOG.INVALID_ERN');
    expect(error.fieldErrors?.map((fieldError) => fieldError.field)).toEqual([
      'dawn.xml:/NewReleaseMessage/ResourceList/SoundRecording[2]/DisplayTitleText',
      'dawn.xml:/NewReleaseMessage/ResourceList/SoundRecording[3]/Duration',
    ]);
  });

  it('refuses what is not an ERN 4.3 NewReleaseMessage', () => {
    expect(refusal('<PurgeReleaseMessage xmlns="http://ddex.net/xml/ern/43"/>').field).toBe(
      'dawn.xml:/PurgeReleaseMessage',
    );
    const wrongVersion = refusal(album.replace('http://ddex.net/xml/ern/43', 'http://ddex.net/xml/ern/382'));
    expect({ code: wrongVersion.code, field: wrongVersion.field }).toEqual({
      code: 'CATALOG.INVALID_ERN',
      field: 'dawn.xml:/NewReleaseMessage',
    });
    expect(refusal(album.replace(/<ReleaseList>[\s\S]*<\/ReleaseList>/, '')).field).toBe(
      'dawn.xml:/NewReleaseMessage/ReleaseList',
    );
  });
});
