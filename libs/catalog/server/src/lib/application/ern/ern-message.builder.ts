import { type FieldError } from '@bandstand/shared/contracts';
import {
  CATALOG_ERROR_CODES,
  type Contributor,
  type CopyrightLine,
  type LocalizedText,
  type ReleaseDraft,
  type ReleaseSchedule,
  WORLDWIDE,
} from '@bandstand/catalog/contracts';
import { element, serializeXml, textElement, type XmlNode } from '../../infrastructure/xml/xml-writer';
import { formatIsoDuration } from './ern-message.mapper';
import {
  AVS_VERSION_ID,
  CONTRIBUTOR_ROLE_TO_ERN,
  DISC_RESOURCE_GROUP_TYPE,
  DISPLAY_ARTIST_ROLE_TO_ERN,
  ERN_43_NAMESPACE,
  ERN_WORLDWIDE,
  PARENTAL_WARNING_TO_ERN,
  RELEASE_TYPE_TO_ERN,
  SOUND_RECORDING_TYPE,
} from './ern-vocabulary';

/** A catalog artist as the export credits it. */
export interface ErnArtist {
  readonly name: string;
  readonly isni: string | null;
  readonly ipi: string | null;
}

/** Everything one NewReleaseMessage is built from. */
export interface ErnExportInput {
  readonly releaseId: string;
  readonly draft: ReleaseDraft;
  readonly schedule: ReleaseSchedule | null;
  /** The catalog artists of `draft.artistIds`, by id. */
  readonly artists: ReadonlyMap<string, ErnArtist>;
  /** The platform's DDEX party: MessageSender and MessageRecipient. */
  readonly sender: { readonly partyId: string; readonly name: string };
  readonly messageId: string;
  /** ISO 8601 instant. */
  readonly createdAt: string;
}

function incomplete(field: string, message: string): FieldError {
  return { field, code: CATALOG_ERROR_CODES.releaseIncomplete, message };
}

function hasArtistRole(contributor: Contributor): boolean {
  return contributor.roles.includes('main-artist') || contributor.roles.includes('featured-artist');
}

/**
 * What a draft lacks to be written as a valid ERN 4.3 message (the schema requires a genre, a
 * display artist and a DisplayArtist on the release and each track, and a duration for each track).
 */
export function ernExportProblems(draft: ReleaseDraft): FieldError[] {
  const problems: FieldError[] = [];
  if (draft.genre === null) problems.push(incomplete('genre', 'ERN needs the release genre'));
  if (draft.displayArtist.trim() === '')
    problems.push(incomplete('displayArtist', 'ERN needs a display artist'));
  const mainArtists =
    draft.artistIds.length > 0 ||
    draft.contributors.some((contributor) => contributor.roles.includes('main-artist'));
  if (!mainArtists) problems.push(incomplete('artistIds', 'ERN needs at least one main artist'));
  draft.tracks.forEach((track, index) => {
    if (track.durationMs === null)
      problems.push(incomplete(`tracks.${index}.durationMs`, 'ERN needs each track duration'));
    if (track.displayArtist.trim() === '') {
      problems.push(incomplete(`tracks.${index}.displayArtist`, 'ERN needs each track display artist'));
    }
  });
  return problems;
}

/** Parties of the message, one per distinct credited name and identifiers, numbered P1, P2… */
class PartyRegistry {
  private readonly byKey = new Map<string, { reference: string; node: XmlNode }>();

  reference(name: string, isni: string | null, ipi: string | null): string {
    const key = JSON.stringify([name, isni, ipi]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known.reference;
    const reference = `P${this.byKey.size + 1}`;
    const ids = isni !== null || ipi !== null;
    this.byKey.set(key, {
      reference,
      node: element(
        'Party',
        {},
        textElement('PartyReference', reference),
        element('PartyName', {}, textElement('FullName', name)),
        ids &&
          element(
            'PartyId',
            {},
            isni !== null && textElement('ISNI', isni),
            ipi !== null && textElement('IpiNameNumber', ipi),
          ),
      ),
    });
    return reference;
  }

  nodes(): XmlNode[] {
    return [...this.byKey.values()].map((party) => party.node);
  }
}

function titleNodes(title: LocalizedText, versionTitle: string | null): XmlNode[] {
  return [
    textElement('DisplayTitleText', title.text, { LanguageAndScriptCode: title.language }),
    ...title.translations.map((translation) =>
      textElement('DisplayTitleText', translation.text, { LanguageAndScriptCode: translation.language }),
    ),
    element(
      'DisplayTitle',
      { LanguageAndScriptCode: title.language },
      textElement('TitleText', title.text),
      versionTitle !== null && textElement('SubTitle', versionTitle),
    ),
    ...title.translations.map((translation) =>
      element(
        'DisplayTitle',
        { LanguageAndScriptCode: translation.language },
        textElement('TitleText', translation.text),
      ),
    ),
  ];
}

function lineNode(kind: 'PLine' | 'CLine', line: CopyrightLine | null): XmlNode | null {
  if (line === null) return null;
  const symbol = kind === 'PLine' ? '℗' : '©';
  return element(
    kind,
    {},
    textElement('Year', line.year),
    textElement(`${kind}Company`, line.owner),
    textElement(`${kind}Text`, `${symbol} ${line.year} ${line.owner}`),
  );
}

function territoryCode(territory: string): string {
  return territory === WORLDWIDE ? ERN_WORLDWIDE : territory;
}

function dealNode(
  territories: { kind: 'TerritoryCode' | 'ExcludedTerritoryCode'; codes: readonly string[] },
  startsAt: string,
): XmlNode {
  return element(
    'Deal',
    {},
    element(
      'DealTerms',
      {},
      territories.codes.map((code) => textElement(territories.kind, territoryCode(code))),
      element('ValidityPeriod', {}, textElement('StartDateTime', startsAt)),
      textElement('CommercialModelType', 'SubscriptionModel'),
      textElement('CommercialModelType', 'AdvertisementSupportedModel'),
      textElement('UseType', 'OnDemandStream'),
    ),
  );
}

/**
 * One simple deal per release moment of the schedule: the release moment where no territory says
 * otherwise, and one for each territory's own moment. Embargo windows are not expressed as deals.
 */
function dealList(schedule: ReleaseSchedule | null, releaseReferences: readonly string[]): XmlNode | null {
  if (schedule === null) return null;
  const worldwide = schedule.territories.includes(WORLDWIDE);
  const distributed = (territory: string): boolean =>
    worldwide ? !schedule.excludedTerritories.includes(territory) : schedule.territories.includes(territory);
  const own = schedule.territoryReleases.filter((release) => distributed(release.territory));
  const ownTerritories = own.map((release) => release.territory);
  const deals: XmlNode[] = [];
  if (worldwide) {
    const excluded = [...schedule.excludedTerritories, ...ownTerritories];
    deals.push(
      dealNode(
        excluded.length === 0
          ? { kind: 'TerritoryCode', codes: [WORLDWIDE] }
          : { kind: 'ExcludedTerritoryCode', codes: excluded },
        schedule.releaseAt,
      ),
    );
  } else {
    const territories = schedule.territories.filter((territory) => !ownTerritories.includes(territory));
    if (territories.length > 0)
      deals.push(dealNode({ kind: 'TerritoryCode', codes: territories }, schedule.releaseAt));
  }
  for (const release of own)
    deals.push(dealNode({ kind: 'TerritoryCode', codes: [release.territory] }, release.releaseAt));
  if (deals.length === 0) return null;
  return element(
    'DealList',
    {},
    element(
      'ReleaseDeal',
      {},
      releaseReferences.map((reference) => textElement('DealReleaseReference', reference)),
      deals,
    ),
  );
}

/**
 * Writes a release as an ERN 4.3 NewReleaseMessage: the main Release, one TrackRelease per track,
 * a SoundRecording per track, the credited parties, and the schedule as a DealList when there is
 * one. Credits: main and featured artists are DisplayArtists (a release-level credit with neither
 * role has no place in an ERN Release and is left out), other roles are Contributors; a track
 * without artist credits is credited to the release's main artists; a track without a genre of its
 * own carries the release's on its TrackRelease. Instruments are not written.
 */
export function buildNewReleaseMessage(input: ErnExportInput): string {
  const { draft, sender } = input;
  const parties = new PartyRegistry();
  const proprietaryNamespace = `DPID:${sender.partyId}`;

  const credit = (contributor: Contributor): string => {
    const artist = contributor.artistId === null ? undefined : input.artists.get(contributor.artistId);
    return parties.reference(
      contributor.name,
      contributor.isni ?? artist?.isni ?? null,
      contributor.ipi ?? artist?.ipi ?? null,
    );
  };
  const displayArtist = (
    reference: string,
    role: string,
    sequence: number,
    artistic: readonly string[] = [],
  ): XmlNode =>
    element(
      'DisplayArtist',
      { SequenceNumber: sequence },
      textElement('ArtistPartyReference', reference),
      textElement('DisplayArtistRole', role),
      artistic.map((value) => textElement('ArtisticRole', value)),
    );
  const otherRoles = (contributor: Contributor): string[] =>
    contributor.roles.flatMap((role) => {
      const value = CONTRIBUTOR_ROLE_TO_ERN[role];
      return value === undefined ? [] : [value];
    });
  const artistRole = (contributor: Contributor): string | undefined =>
    DISPLAY_ARTIST_ROLE_TO_ERN[contributor.roles.includes('main-artist') ? 'main-artist' : 'featured-artist'];

  // The release's DisplayArtists: its artist credits, else its catalog artists as main artists.
  const releaseArtists = draft.contributors.flatMap((contributor, index) => {
    if (!hasArtistRole(contributor)) return [];
    return [
      displayArtist(
        credit(contributor),
        artistRole(contributor) ?? 'MainArtist',
        index + 1,
        otherRoles(contributor),
      ),
    ];
  });
  const catalogMainArtists = draft.artistIds.flatMap((artistId) => {
    const artist = input.artists.get(artistId);
    return artist === undefined ? [] : [parties.reference(artist.name, artist.isni, artist.ipi)];
  });
  const fallbackArtists = (): XmlNode[] =>
    catalogMainArtists.map((reference, index) => displayArtist(reference, 'MainArtist', index + 1));
  const mainDisplayArtists = releaseArtists.length > 0 ? releaseArtists : fallbackArtists();
  const releaseMainParties = draft.contributors.some((contributor) =>
    contributor.roles.includes('main-artist'),
  )
    ? draft.contributors.filter((contributor) => contributor.roles.includes('main-artist')).map(credit)
    : catalogMainArtists;
  const label = parties.reference(draft.labelName ?? draft.displayArtist, null, null);

  const ordered = draft.tracks
    .map((track, index) => ({ track, index }))
    .sort((a, b) => a.track.disc - b.track.disc || a.index - b.index);
  const resourceOf = (index: number): string => `A${index + 1}`;

  const recordings = draft.tracks.map((track, index) => {
    const artists = track.contributors.flatMap((contributor, position) =>
      hasArtistRole(contributor)
        ? [displayArtist(credit(contributor), artistRole(contributor) ?? 'MainArtist', position + 1)]
        : [],
    );
    const contributors = track.contributors.flatMap((contributor, position) => {
      const roles = otherRoles(contributor);
      if (roles.length === 0) return [];
      return [
        element(
          'Contributor',
          { SequenceNumber: position + 1 },
          textElement('ContributorPartyReference', credit(contributor)),
          roles.map((role) => textElement('Role', role)),
        ),
      ];
    });
    return element(
      'SoundRecording',
      {},
      textElement('ResourceReference', resourceOf(index)),
      textElement('Type', SOUND_RECORDING_TYPE),
      element(
        'SoundRecordingEdition',
        {},
        element(
          'ResourceId',
          {},
          track.isrc !== null && textElement('ISRC', track.isrc),
          textElement('ProprietaryId', track.trackId, { Namespace: proprietaryNamespace }),
        ),
      ),
      track.iswc !== null && element('WorkId', {}, textElement('ISWC', track.iswc)),
      titleNodes(track.title, track.versionTitle),
      textElement('DisplayArtistName', track.displayArtist),
      artists.length > 0
        ? artists
        : releaseMainParties.map((reference, position) =>
            displayArtist(reference, 'MainArtist', position + 1),
          ),
      contributors,
      textElement('Duration', formatIsoDuration(track.durationMs ?? 0)),
      textElement('ParentalWarningType', PARENTAL_WARNING_TO_ERN[track.parentalWarning]),
      track.language !== null && textElement('LanguageOfPerformance', track.language),
    );
  });

  const contentItems = (entries: readonly { index: number }[]): XmlNode[] =>
    entries.map((entry, position) =>
      element(
        'ResourceGroupContentItem',
        {},
        textElement('SequenceNumber', position + 1),
        textElement('ReleaseResourceReference', resourceOf(entry.index)),
      ),
    );
  const discs = [...new Set(ordered.map((entry) => entry.track.disc))];
  const resourceGroup =
    discs.length <= 1
      ? element('ResourceGroup', {}, contentItems(ordered))
      : element(
          'ResourceGroup',
          {},
          discs.map((disc) =>
            element(
              'ResourceGroup',
              { ResourceGroupType: DISC_RESOURCE_GROUP_TYPE },
              textElement('SequenceNumber', disc),
              contentItems(ordered.filter((entry) => entry.track.disc === disc)),
            ),
          ),
        );

  const durations = draft.tracks.map((track) => track.durationMs);
  const total =
    durations.every((duration): duration is number => duration !== null) && durations.length > 0
      ? durations.reduce((sum, duration) => sum + duration, 0)
      : null;
  const releaseDate = input.schedule?.releaseAt.slice(0, 10) ?? null;
  const release = element(
    'Release',
    { LanguageAndScriptCode: draft.languages[0] },
    textElement('ReleaseReference', 'R0'),
    textElement('ReleaseType', RELEASE_TYPE_TO_ERN[draft.type]),
    element(
      'ReleaseId',
      {},
      draft.upc !== null && textElement('ICPN', draft.upc),
      draft.catalogNumber !== null &&
        textElement('CatalogNumber', draft.catalogNumber, { Namespace: proprietaryNamespace }),
      textElement('ProprietaryId', input.releaseId, { Namespace: proprietaryNamespace }),
    ),
    titleNodes(draft.title, draft.versionTitle),
    textElement('DisplayArtistName', draft.displayArtist),
    mainDisplayArtists,
    textElement('ReleaseLabelReference', label),
    lineNode('PLine', draft.pLine),
    lineNode('CLine', draft.cLine),
    total !== null && textElement('Duration', formatIsoDuration(total)),
    element(
      'Genre',
      {},
      textElement('GenreText', draft.genre ?? ''),
      draft.subgenre !== null && textElement('SubGenre', draft.subgenre),
    ),
    releaseDate !== null && textElement('ReleaseDate', releaseDate),
    draft.originalReleaseDate !== null && textElement('OriginalReleaseDate', draft.originalReleaseDate),
    textElement('ParentalWarningType', PARENTAL_WARNING_TO_ERN[draft.parentalWarning]),
    draft.type === 'compilation' && textElement('IsMultiArtistCompilation', 'true'),
    resourceGroup,
  );
  const trackReleases = draft.tracks.map((track, index) =>
    element(
      'TrackRelease',
      {},
      textElement('ReleaseReference', `R${index + 1}`),
      element(
        'ReleaseId',
        {},
        textElement('ProprietaryId', track.trackId, { Namespace: proprietaryNamespace }),
      ),
      textElement('ReleaseResourceReference', resourceOf(index)),
      textElement('ReleaseLabelReference', label),
      element('Genre', {}, textElement('GenreText', track.genre ?? draft.genre ?? '')),
    ),
  );
  const messagingParty = (name: string): XmlNode[] => [
    textElement('PartyId', sender.partyId),
    element('PartyName', {}, textElement('FullName', name)),
  ];
  const root = element(
    'ern:NewReleaseMessage',
    {
      'xmlns:ern': ERN_43_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${ERN_43_NAMESPACE} ${ERN_43_NAMESPACE}/release-notification.xsd`,
      AvsVersionId: AVS_VERSION_ID,
      LanguageAndScriptCode: draft.title.language ?? draft.languages[0] ?? 'en',
    },
    element(
      'MessageHeader',
      {},
      textElement('MessageId', input.messageId),
      element('MessageSender', {}, messagingParty(sender.name)),
      element('MessageRecipient', {}, messagingParty(sender.name)),
      textElement('MessageCreatedDateTime', input.createdAt),
    ),
    element('PartyList', {}, parties.nodes()),
    element('ResourceList', {}, recordings),
    element('ReleaseList', {}, release, trackReleases),
    dealList(input.schedule, ['R0', ...draft.tracks.map((_, index) => `R${index + 1}`)]),
  );
  return serializeXml(root);
}
