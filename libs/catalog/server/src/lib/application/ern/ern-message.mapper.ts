import { type FieldError } from '@bandstand/shared/contracts';
import {
  CATALOG_ERROR_CODES,
  CONTRIBUTOR_ROLES,
  type ContributorInput,
  type ContributorRole,
  type CatalogErrorCode,
  type CopyrightLine,
  type LocalizedTextInput,
  type ParentalWarning,
  type ReleaseDraftInput,
  type ReleaseType,
  type TrackDraftInput,
  type Translation,
} from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import {
  attributeOf,
  childNamed,
  childrenNamed,
  type XmlElement,
} from '../../infrastructure/xml/xml-element';
import {
  ERN_IMPORT_NAMESPACES,
  ERN_TO_CONTRIBUTOR_ROLES,
  ERN_TO_DISPLAY_ARTIST_ROLE,
  ERN_TO_PARENTAL_WARNING,
  ERN_TO_RELEASE_TYPE,
} from './ern-vocabulary';

/** A Party of the message's PartyList. */
export interface ErnParty {
  readonly reference: string;
  readonly path: string;
  /** PartyName/FullName; null when the party is identified by PartyId only. */
  readonly name: string | null;
  readonly isni: string | null;
  readonly ipi: string | null;
  readonly isniPath: string;
  readonly ipiPath: string;
}

/** A party credited on the release or a recording, with the catalog roles its ERN roles map to. */
export interface ErnCredit {
  readonly party: ErnParty;
  readonly roles: readonly ContributorRole[];
  /** The DisplayArtist or Contributor element (the first one when the party is credited twice). */
  readonly path: string;
}

/** A SoundRecording placed in the release's ResourceGroup: one track. */
export interface ErnTrack {
  readonly path: string;
  readonly title: LocalizedTextInput;
  readonly versionTitle: string | null;
  readonly isrc: string | null;
  readonly iswc: string | null;
  readonly durationMs: number | null;
  readonly displayArtist: string;
  readonly credits: readonly ErnCredit[];
  readonly genre: string | null;
  readonly parentalWarning: ParentalWarning;
  readonly language: string | null;
  readonly disc: number;
}

/** What one NewReleaseMessage says about its main release, before artists are matched to the catalog. */
export interface ErnRelease {
  readonly fileName: string;
  readonly messageId: string;
  /** `/NewReleaseMessage/ReleaseList/Release`. */
  readonly path: string;
  readonly type: ReleaseType;
  readonly title: LocalizedTextInput;
  readonly versionTitle: string | null;
  readonly displayArtist: string;
  readonly upc: string | null;
  readonly catalogNumber: string | null;
  readonly labelName: string | null;
  readonly genre: string | null;
  readonly subgenre: string | null;
  readonly parentalWarning: ParentalWarning;
  readonly languages: readonly string[];
  readonly pLine: CopyrightLine | null;
  readonly cLine: CopyrightLine | null;
  readonly originalReleaseDate: string | null;
  readonly credits: readonly ErnCredit[];
  /** The release's main artists (DisplayArtist with role MainArtist), in order. */
  readonly mainArtists: readonly ErnParty[];
  readonly tracks: readonly ErnTrack[];
  /** Element path of each draft field (`upc`, `tracks.2.isrc`, `tracks.0.contributors.1.isni`…). */
  readonly fieldPaths: ReadonlyMap<string, string>;
}

const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const YEAR = /\b(\d{4})\b/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO 8601 duration (`PT3M25S`, `PT1H2M3.5S`, `P1DT2H`) in milliseconds, or null when it is not one. */
export function parseIsoDuration(value: string): number | null {
  const match = ISO_DURATION.exec(value);
  if (match === null || value === 'P' || value.endsWith('T')) return null;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  const ms =
    ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 +
    Math.round(Number(seconds) * 1000);
  return Number.isSafeInteger(ms) ? ms : null;
}

/** Milliseconds as an ISO 8601 duration (`PT3M25S`, `PT1H0M0.5S`). */
export function formatIsoDuration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const secondsText = Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(3).replace(/0+$/, '');
  return `PT${hours > 0 ? `${hours}H` : ''}${hours > 0 || minutes > 0 ? `${minutes}M` : ''}${secondsText}S`;
}

/** Whether an error code is the catalog's (every code the ERN import raises is). */
export function isCatalogCode(code: string): code is CatalogErrorCode {
  return code.startsWith('CATALOG.');
}

function canonicalRoles(roles: Iterable<ContributorRole>): ContributorRole[] {
  const set = new Set(roles);
  return CONTRIBUTOR_ROLES.filter((role) => set.has(role));
}

/** Collects the message's problems, each naming `<file>:<element path>`. */
class Problems {
  readonly errors: FieldError[] = [];

  constructor(private readonly fileName: string) {}

  field(path: string): string {
    return `${this.fileName}:${path}`;
  }

  invalid(path: string, message: string): void {
    this.errors.push({ field: this.field(path), code: CATALOG_ERROR_CODES.invalidErn, message });
  }

  unknownReference(path: string, message: string): void {
    this.errors.push({ field: this.field(path), code: CATALOG_ERROR_CODES.unknownErnReference, message });
  }
}

function text(element: XmlElement | undefined): string | null {
  if (element === undefined) return null;
  const value = element.text.trim();
  return value === '' ? null : value;
}

function isDefault(element: XmlElement): boolean {
  return attributeOf(element, 'IsDefault') === 'true';
}

/** The element meant for everyone: flagged IsDefault, else the first without an ApplicableTerritoryCode, else the first. */
function preferred(elements: readonly XmlElement[]): XmlElement | undefined {
  return (
    elements.find(isDefault) ??
    elements.find((element) => attributeOf(element, 'ApplicableTerritoryCode') === undefined) ??
    elements[0]
  );
}

/**
 * Maps one ERN 4.3 NewReleaseMessage to its main release. Structural problems (a missing required
 * element, a reference to nothing, a value outside the supported vocabulary) are collected and
 * thrown together as a 422 naming each element; the values themselves (identifiers, languages,
 * lengths) are left to `parseReleaseDraft`. The DealList is ignored in this version: availability
 * is set with the release's schedule, not imported.
 */
export function mapErnMessage(root: XmlElement, fileName: string): ErnRelease {
  const problems = new Problems(fileName);
  const release = new ErnMessageMapper(root, problems).map(fileName);
  const [first] = problems.errors;
  if (first !== undefined || release === null) {
    throw new CatalogError(
      first !== undefined && isCatalogCode(first.code) ? first.code : CATALOG_ERROR_CODES.invalidErn,
      first === undefined ? `${fileName} is not a usable ERN message` : `${first.field}: ${first.message}`,
      { status: 422, field: first?.field ?? problems.field(root.path), errors: problems.errors },
    );
  }
  return release;
}

class ErnMessageMapper {
  private readonly parties = new Map<string, ErnParty>();
  private readonly recordings = new Map<string, XmlElement>();
  private readonly otherResources = new Set<string>();
  private readonly fieldPaths = new Map<string, string>();

  constructor(
    private readonly root: XmlElement,
    private readonly problems: Problems,
  ) {}

  map(fileName: string): ErnRelease | null {
    const root = this.root;
    if (root.localName !== 'NewReleaseMessage') {
      this.problems.invalid(root.path, `Expected a NewReleaseMessage, found ${root.localName}`);
      return null;
    }
    if (root.namespaceUri === null || !ERN_IMPORT_NAMESPACES.includes(root.namespaceUri)) {
      this.problems.invalid(
        root.path,
        `Expected the ERN 4.3 namespace ${ERN_IMPORT_NAMESPACES[0] ?? ''}, found ${root.namespaceUri ?? 'none'}`,
      );
      return null;
    }
    const header = this.required(root, 'MessageHeader');
    const messageId = header === undefined ? null : this.requiredText(header, 'MessageId');
    this.readParties();
    this.readResources();
    const releaseList = this.required(root, 'ReleaseList');
    const releaseElement = releaseList === undefined ? undefined : this.required(releaseList, 'Release');
    // DealList is deliberately not read: deals (territories, windows, commercial models) are set with
    // the release's schedule in Bandstand, so an import never changes availability.
    if (releaseElement === undefined || releaseList === undefined) return null;
    const release = this.readRelease(releaseElement, releaseList);
    if (release === null) return null;
    return { fileName, messageId: messageId ?? '', ...release, fieldPaths: this.fieldPaths };
  }

  private required(parent: XmlElement, localName: string): XmlElement | undefined {
    const child = childNamed(parent, localName);
    if (child === undefined) this.problems.invalid(`${parent.path}/${localName}`, `${localName} is required`);
    return child;
  }

  private requiredText(parent: XmlElement, localName: string): string | null {
    const child = this.required(parent, localName);
    if (child === undefined) return null;
    const value = text(child);
    if (value === null) this.problems.invalid(child.path, `${localName} must not be empty`);
    return value;
  }

  private readParties(): void {
    const list = childNamed(this.root, 'PartyList');
    for (const party of list === undefined ? [] : childrenNamed(list, 'Party')) {
      const reference = this.requiredText(party, 'PartyReference');
      if (reference === null) continue;
      if (this.parties.has(reference)) {
        this.problems.invalid(party.path, `The PartyReference ${reference} is defined twice`);
        continue;
      }
      const names = childrenNamed(party, 'PartyName');
      const partyId = childNamed(party, 'PartyId');
      const isni = partyId === undefined ? undefined : childNamed(partyId, 'ISNI');
      const ipi = partyId === undefined ? undefined : childNamed(partyId, 'IpiNameNumber');
      const chosenName = preferred(names);
      this.parties.set(reference, {
        reference,
        path: party.path,
        name: chosenName === undefined ? null : text(childNamed(chosenName, 'FullName')),
        isni: text(isni),
        ipi: text(ipi),
        isniPath: isni?.path ?? `${party.path}/PartyId/ISNI`,
        ipiPath: ipi?.path ?? `${party.path}/PartyId/IpiNameNumber`,
      });
    }
  }

  private readResources(): void {
    const list = this.required(this.root, 'ResourceList');
    if (list === undefined) return;
    for (const resource of list.children) {
      const reference = this.requiredText(resource, 'ResourceReference');
      if (reference === null) continue;
      if (this.recordings.has(reference) || this.otherResources.has(reference)) {
        this.problems.invalid(resource.path, `The ResourceReference ${reference} is defined twice`);
      } else if (resource.localName === 'SoundRecording') {
        this.recordings.set(reference, resource);
      } else {
        this.otherResources.add(reference);
      }
    }
  }

  private party(
    referenceElement: XmlElement | undefined,
    parentPath: string,
    localName: string,
  ): ErnParty | null {
    if (referenceElement === undefined) {
      this.problems.invalid(`${parentPath}/${localName}`, `${localName} is required`);
      return null;
    }
    const reference = referenceElement.text.trim();
    const party = this.parties.get(reference);
    if (party === undefined) {
      this.problems.unknownReference(
        referenceElement.path,
        `No Party in the PartyList has the reference ${reference}`,
      );
      return null;
    }
    if (party.name === null) {
      this.problems.invalid(
        `${party.path}/PartyName/FullName`,
        `The party ${reference} is credited but has no PartyName`,
      );
      return null;
    }
    return party;
  }

  /** DisplayArtists and Contributors of a release or recording, one credit per party, in sequence order. */
  private credits(owner: XmlElement): ErnCredit[] {
    interface Entry {
      readonly party: ErnParty;
      readonly roles: readonly ContributorRole[];
      readonly path: string;
      readonly sequence: number;
      readonly index: number;
    }
    const entries: Entry[] = [];
    const add = (element: XmlElement, party: ErnParty | null, roles: readonly ContributorRole[]): void => {
      if (party === null) return;
      const sequence = Number(attributeOf(element, 'SequenceNumber') ?? Number.NaN);
      entries.push({
        party,
        roles,
        path: element.path,
        sequence: Number.isFinite(sequence) ? sequence : Number.POSITIVE_INFINITY,
        index: entries.length,
      });
    };
    for (const artist of childrenNamed(owner, 'DisplayArtist')) {
      const party = this.party(
        childNamed(artist, 'ArtistPartyReference'),
        artist.path,
        'ArtistPartyReference',
      );
      const roleElement = childNamed(artist, 'DisplayArtistRole');
      const role = text(roleElement);
      const mapped = role === null ? undefined : ERN_TO_DISPLAY_ARTIST_ROLE[role];
      if (roleElement === undefined)
        this.problems.invalid(`${artist.path}/DisplayArtistRole`, 'DisplayArtistRole is required');
      const artistic = childrenNamed(artist, 'ArtisticRole').flatMap(
        (element) => ERN_TO_CONTRIBUTOR_ROLES[text(element) ?? ''] ?? [],
      );
      add(artist, party, [...(mapped === undefined ? [] : [mapped]), ...artistic]);
    }
    for (const contributor of childrenNamed(owner, 'Contributor')) {
      const party = this.party(
        childNamed(contributor, 'ContributorPartyReference'),
        contributor.path,
        'ContributorPartyReference',
      );
      add(
        contributor,
        party,
        childrenNamed(contributor, 'Role').flatMap(
          (element) => ERN_TO_CONTRIBUTOR_ROLES[text(element) ?? ''] ?? [],
        ),
      );
    }
    entries.sort((a, b) => a.sequence - b.sequence || a.index - b.index);
    const byParty = new Map<string, { party: ErnParty; roles: ContributorRole[]; path: string }>();
    for (const entry of entries) {
      const credit = byParty.get(entry.party.reference);
      if (credit === undefined)
        byParty.set(entry.party.reference, { party: entry.party, roles: [...entry.roles], path: entry.path });
      else credit.roles.push(...entry.roles);
    }
    // Roles outside the catalog's vocabulary are skipped; a party left with none is not a credit here.
    return [...byParty.values()]
      .map((credit) => ({ ...credit, roles: canonicalRoles(credit.roles) }))
      .filter((credit) => credit.roles.length > 0);
  }

  private title(
    owner: XmlElement,
    fieldPrefix: string,
  ): { title: LocalizedTextInput; versionTitle: string | null } | null {
    const texts = childrenNamed(owner, 'DisplayTitleText').filter((element) => text(element) !== null);
    const displayTitles = childrenNamed(owner, 'DisplayTitle');
    const primary = preferred(texts);
    const primaryText = text(primary) ?? text(childNamed(preferred(displayTitles) ?? owner, 'TitleText'));
    if (primaryText === null) {
      this.problems.invalid(`${owner.path}/DisplayTitleText`, 'DisplayTitleText is required');
      return null;
    }
    this.fieldPaths.set(`${fieldPrefix}title`, primary?.path ?? `${owner.path}/DisplayTitleText`);
    const language = primary === undefined ? null : (attributeOf(primary, 'LanguageAndScriptCode') ?? null);
    const translations: Translation[] = [];
    for (const element of texts) {
      const other = attributeOf(element, 'LanguageAndScriptCode');
      const value = text(element);
      if (element === primary || other === undefined || value === null || other === language) continue;
      if (translations.some((translation) => translation.language.toLowerCase() === other.toLowerCase()))
        continue;
      translations.push({ language: other, text: value });
    }
    const versionSource =
      displayTitles.find((element) => (attributeOf(element, 'LanguageAndScriptCode') ?? null) === language) ??
      preferred(displayTitles);
    const subTitle = versionSource === undefined ? null : text(childNamed(versionSource, 'SubTitle'));
    if (versionSource !== undefined)
      this.fieldPaths.set(`${fieldPrefix}versionTitle`, `${versionSource.path}/SubTitle`);
    return { title: { text: primaryText, language, translations }, versionTitle: subTitle };
  }

  private displayArtistName(owner: XmlElement, field: string): string | null {
    const names = childrenNamed(owner, 'DisplayArtistName');
    const chosen = preferred(names.filter((element) => text(element) !== null));
    if (chosen === undefined) {
      this.problems.invalid(`${owner.path}/DisplayArtistName`, 'DisplayArtistName is required');
      return null;
    }
    this.fieldPaths.set(field, chosen.path);
    return text(chosen);
  }

  private parentalWarning(owner: XmlElement, field: string): ParentalWarning {
    const element = preferred(childrenNamed(owner, 'ParentalWarningType'));
    const value = text(element);
    if (element === undefined || value === null) return 'no-advice-available';
    this.fieldPaths.set(field, element.path);
    const mapped = ERN_TO_PARENTAL_WARNING[value];
    if (mapped === undefined) {
      this.problems.invalid(element.path, `ParentalWarningType ${value} is not supported`);
      return 'no-advice-available';
    }
    return mapped;
  }

  private genre(owner: XmlElement, field: string): { genre: string | null; subgenre: string | null } {
    const element = preferred(childrenNamed(owner, 'Genre'));
    if (element === undefined) return { genre: null, subgenre: null };
    this.fieldPaths.set(field, `${element.path}/GenreText`);
    return { genre: text(childNamed(element, 'GenreText')), subgenre: text(childNamed(element, 'SubGenre')) };
  }

  private copyrightLine(owner: XmlElement, kind: 'PLine' | 'CLine', field: string): CopyrightLine | null {
    const element = preferred(childrenNamed(owner, kind));
    if (element === undefined) return null;
    this.fieldPaths.set(field, element.path);
    const lineText = text(childNamed(element, `${kind}Text`)) ?? '';
    const company = text(childNamed(element, `${kind}Company`));
    const yearText = text(childNamed(element, 'Year')) ?? YEAR.exec(lineText)?.[1] ?? null;
    const holder =
      company ??
      lineText
        .replace(/^(?:℗|©|\(P\)|\(C\))\s*/i, '')
        .replace(/^\d{4}\s*/, '')
        .trim();
    if (yearText === null || holder === '') {
      this.problems.invalid(element.path, `${kind} needs a Year and an owner`);
      return null;
    }
    return { year: Number(yearText), owner: holder };
  }

  private readRelease(
    release: XmlElement,
    releaseList: XmlElement,
  ): Omit<ErnRelease, 'fileName' | 'messageId' | 'fieldPaths'> | null {
    const fields = this.fieldPaths;
    const path = release.path;
    this.requiredText(release, 'ReleaseReference');

    const typeElements = childrenNamed(release, 'ReleaseType');
    let type: ReleaseType | undefined;
    for (const element of typeElements) type ??= ERN_TO_RELEASE_TYPE[text(element) ?? ''];
    if (typeElements.length === 0) this.problems.invalid(`${path}/ReleaseType`, 'ReleaseType is required');
    else if (type === undefined) {
      this.problems.invalid(
        typeElements[0]?.path ?? path,
        `ReleaseType ${typeElements.map((element) => text(element) ?? '').join(', ')} is not supported; use Album, EP or Single`,
      );
    }
    const compilation =
      text(childNamed(release, 'IsMultiArtistCompilation')) === 'true' ||
      text(childNamed(release, 'IsSingleArtistCompilation')) === 'true';
    fields.set('type', typeElements[0]?.path ?? `${path}/ReleaseType`);

    const releaseId = this.required(release, 'ReleaseId');
    const icpn = releaseId === undefined ? undefined : childNamed(releaseId, 'ICPN');
    const catalogNumber = releaseId === undefined ? undefined : childNamed(releaseId, 'CatalogNumber');
    fields.set('upc', icpn?.path ?? `${path}/ReleaseId/ICPN`);
    fields.set('catalogNumber', catalogNumber?.path ?? `${path}/ReleaseId/CatalogNumber`);

    const title = this.title(release, '');
    const displayArtist = this.displayArtistName(release, 'displayArtist');
    const credits = this.credits(release);
    credits.forEach((credit, index) => this.creditPaths(`contributors.${index}`, credit));
    fields.set('contributors', `${path}/DisplayArtist`);
    fields.set('artistIds', `${path}/DisplayArtist`);
    const mainArtists = credits
      .filter((credit) => credit.roles.includes('main-artist'))
      .map((credit) => credit.party);
    if (childrenNamed(release, 'DisplayArtist').length === 0) {
      this.problems.invalid(`${path}/DisplayArtist`, 'DisplayArtist is required');
    }

    let labelName: string | null = null;
    const label = preferred(childrenNamed(release, 'ReleaseLabelReference'));
    if (label !== undefined) {
      labelName = this.party(label, path, 'ReleaseLabelReference')?.name ?? null;
      fields.set('labelName', label.path);
    }
    const { genre, subgenre } = this.genre(release, 'genre');
    fields.set('subgenre', fields.get('genre') ?? `${path}/Genre`);
    const parentalWarning = this.parentalWarning(release, 'parentalWarning');
    const pLine = this.copyrightLine(release, 'PLine', 'pLine');
    const cLine = this.copyrightLine(release, 'CLine', 'cLine');
    const original = preferred(childrenNamed(release, 'OriginalReleaseDate'));
    const originalText = text(original);
    if (original !== undefined) fields.set('originalReleaseDate', original.path);

    const trackGenres = this.trackReleaseGenres(releaseList);
    const tracks = this.tracks(release, trackGenres, genre);
    const releaseLanguage = attributeOf(release, 'LanguageAndScriptCode');
    fields.set('languages', path);
    const languages: string[] = [];
    for (const language of [releaseLanguage ?? null, ...tracks.map((track) => track.language)]) {
      if (language !== null && language !== 'zxx' && !languages.includes(language)) languages.push(language);
    }

    if (title === null || displayArtist === null || type === undefined) return null;
    return {
      path,
      type: compilation ? 'compilation' : type,
      title: title.title,
      versionTitle: title.versionTitle,
      displayArtist,
      upc: text(icpn),
      catalogNumber: text(catalogNumber),
      labelName,
      genre,
      subgenre,
      parentalWarning,
      languages,
      pLine,
      cLine,
      originalReleaseDate: originalText !== null && FULL_DATE.test(originalText) ? originalText : null,
      credits,
      mainArtists,
      tracks,
    };
  }

  private creditPaths(prefix: string, credit: ErnCredit): void {
    this.fieldPaths.set(prefix, credit.path);
    this.fieldPaths.set(`${prefix}.name`, `${credit.party.path}/PartyName/FullName`);
    this.fieldPaths.set(`${prefix}.isni`, credit.party.isniPath);
    this.fieldPaths.set(`${prefix}.ipi`, credit.party.ipiPath);
  }

  /** GenreText of each TrackRelease, by the resource it releases. */
  private trackReleaseGenres(releaseList: XmlElement): Map<string, { genre: string | null; path: string }> {
    const genres = new Map<string, { genre: string | null; path: string }>();
    for (const trackRelease of childrenNamed(releaseList, 'TrackRelease')) {
      const reference = childNamed(trackRelease, 'ReleaseResourceReference');
      if (reference === undefined) {
        this.problems.invalid(
          `${trackRelease.path}/ReleaseResourceReference`,
          'ReleaseResourceReference is required',
        );
        continue;
      }
      const resource = reference.text.trim();
      if (!this.recordings.has(resource) && !this.otherResources.has(resource)) {
        this.problems.unknownReference(
          reference.path,
          `No resource in the ResourceList has the reference ${resource}`,
        );
        continue;
      }
      const genre = preferred(childrenNamed(trackRelease, 'Genre'));
      if (genre !== undefined) {
        genres.set(resource, {
          genre: text(childNamed(genre, 'GenreText')),
          path: `${genre.path}/GenreText`,
        });
      }
    }
    return genres;
  }

  /** The recordings of the release's ResourceGroup, disc by disc, each disc in sequence order. */
  private tracks(
    release: XmlElement,
    trackGenres: ReadonlyMap<string, { genre: string | null; path: string }>,
    releaseGenre: string | null,
  ): ErnTrack[] {
    const group = this.required(release, 'ResourceGroup');
    if (group === undefined) return [];
    const placed: { recording: XmlElement; disc: number; order: number[] }[] = [];
    const visit = (current: XmlElement, disc: number, order: number[]): void => {
      const items = childrenNamed(current, 'ResourceGroupContentItem');
      items.forEach((item, index) => {
        const reference = childNamed(item, 'ReleaseResourceReference');
        if (reference === undefined) {
          this.problems.invalid(
            `${item.path}/ReleaseResourceReference`,
            'ReleaseResourceReference is required',
          );
          return;
        }
        const key = reference.text.trim();
        const recording = this.recordings.get(key);
        if (recording === undefined) {
          if (!this.otherResources.has(key)) {
            this.problems.unknownReference(
              reference.path,
              `No resource in the ResourceList has the reference ${key}`,
            );
          }
          return;
        }
        const sequence = Number(text(childNamed(item, 'SequenceNumber')) ?? Number.NaN);
        placed.push({
          recording,
          disc,
          order: [...order, Number.isFinite(sequence) ? sequence : index + 1, index],
        });
      });
      childrenNamed(current, 'ResourceGroup').forEach((sub, index) => {
        const sequence = Number(text(childNamed(sub, 'SequenceNumber')) ?? Number.NaN);
        const position = Number.isFinite(sequence) ? sequence : index + 1;
        // Only the first level of nested groups are discs; deeper groups (classical works) stay on theirs.
        visit(sub, current === group ? position : disc, [...order, position, index]);
      });
    };
    visit(group, 1, []);
    placed.sort((a, b) => a.disc - b.disc || compareOrder(a.order, b.order));
    return placed.map(({ recording, disc }, index) =>
      this.track(recording, disc, index, trackGenres, releaseGenre),
    );
  }

  private track(
    recording: XmlElement,
    disc: number,
    index: number,
    trackGenres: ReadonlyMap<string, { genre: string | null; path: string }>,
    releaseGenre: string | null,
  ): ErnTrack {
    const prefix = `tracks.${index}`;
    const fields = this.fieldPaths;
    fields.set(prefix, recording.path);
    const reference = text(childNamed(recording, 'ResourceReference')) ?? '';
    const editions = childrenNamed(recording, 'SoundRecordingEdition');
    if (editions.length === 0)
      this.problems.invalid(`${recording.path}/SoundRecordingEdition`, 'SoundRecordingEdition is required');
    let isrcElement: XmlElement | undefined;
    for (const edition of editions) {
      for (const resourceId of childrenNamed(edition, 'ResourceId')) {
        isrcElement ??= childNamed(resourceId, 'ISRC');
      }
    }
    isrcElement ??= childNamed(childNamed(recording, 'ResourceId') ?? recording, 'ISRC');
    fields.set(
      `${prefix}.isrc`,
      isrcElement?.path ?? `${recording.path}/SoundRecordingEdition/ResourceId/ISRC`,
    );
    const iswcElement = childrenNamed(recording, 'WorkId')
      .map((work) => childNamed(work, 'ISWC'))
      .find((element) => element !== undefined);
    fields.set(`${prefix}.iswc`, iswcElement?.path ?? `${recording.path}/WorkId/ISWC`);

    const title = this.title(recording, `${prefix}.`);
    const displayArtist = this.displayArtistName(recording, `${prefix}.displayArtist`);
    const credits = this.credits(recording);
    credits.forEach((credit, creditIndex) =>
      this.creditPaths(`${prefix}.contributors.${creditIndex}`, credit),
    );
    fields.set(`${prefix}.contributors`, recording.path);

    const durationElement = childNamed(recording, 'Duration');
    let durationMs: number | null = null;
    if (durationElement !== undefined) {
      fields.set(`${prefix}.durationMs`, durationElement.path);
      durationMs = parseIsoDuration(durationElement.text.trim());
      if (durationMs === null) {
        this.problems.invalid(
          durationElement.path,
          `Duration ${durationElement.text.trim()} is not an ISO 8601 duration such as PT3M25S`,
        );
      }
    }
    const languageElement = childNamed(recording, 'LanguageOfPerformance');
    if (languageElement !== undefined) fields.set(`${prefix}.language`, languageElement.path);
    const trackRelease = trackGenres.get(reference);
    // ERN 4.3 puts a track's genre on its TrackRelease; ERN 4.1 senders put it on the recording.
    const ownGenre = this.genre(recording, `${prefix}.genre`).genre;
    if (trackRelease !== undefined && ownGenre === null) fields.set(`${prefix}.genre`, trackRelease.path);
    const trackGenre = ownGenre ?? trackRelease?.genre ?? null;
    fields.set(`${prefix}.parentalWarning`, `${recording.path}/ParentalWarningType`);
    fields.set(`${prefix}.disc`, recording.path);
    return {
      path: recording.path,
      title: title?.title ?? '',
      versionTitle: title?.versionTitle ?? null,
      isrc: text(isrcElement),
      iswc: text(iswcElement),
      durationMs,
      displayArtist: displayArtist ?? '',
      credits,
      // The exporter writes the release's genre on a TrackRelease of a track that has none of its own.
      genre: trackGenre === releaseGenre ? null : trackGenre,
      parentalWarning: this.parentalWarning(recording, `${prefix}.parentalWarning`),
      language: text(languageElement),
      disc,
    };
  }
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The draft input of a mapped message, once each credited party is matched to a catalog artist
 * (`artistIdOf`, null when it is not one) and the main artists are known.
 */
export function ernDraftInput(
  release: ErnRelease,
  artistIdOf: (party: ErnParty) => string | null,
): ReleaseDraftInput {
  const contributor = (credit: ErnCredit): ContributorInput => ({
    name: credit.party.name ?? '',
    artistId: artistIdOf(credit.party),
    roles: credit.roles,
    isni: credit.party.isni,
    ipi: credit.party.ipi,
    instrument: null,
  });
  const artistIds: string[] = [];
  for (const party of release.mainArtists) {
    const id = artistIdOf(party);
    if (id !== null && !artistIds.includes(id)) artistIds.push(id);
  }
  const tracks: TrackDraftInput[] = release.tracks.map((track) => ({
    title: track.title,
    versionTitle: track.versionTitle,
    isrc: track.isrc,
    iswc: track.iswc,
    durationMs: track.durationMs,
    displayArtist: track.displayArtist,
    contributors: track.credits.map(contributor),
    genre: track.genre,
    parentalWarning: track.parentalWarning,
    language: track.language,
    disc: track.disc,
    audioAssetId: null,
  }));
  return {
    type: release.type,
    title: release.title,
    versionTitle: release.versionTitle,
    displayArtist: release.displayArtist,
    artistIds,
    upc: release.upc,
    catalogNumber: release.catalogNumber,
    labelName: release.labelName,
    genre: release.genre,
    subgenre: release.subgenre,
    parentalWarning: release.parentalWarning,
    languages: release.languages,
    pLine: release.pLine,
    cLine: release.cLine,
    originalReleaseDate: release.originalReleaseDate,
    artworkAssetId: null,
    contributors: release.credits.map(contributor),
    tracks,
  };
}

/**
 * The element path of a draft field error (`tracks.2.isrc` → `…/SoundRecording[3]/…/ISRC`): the
 * longest mapped prefix of the field, else the Release element.
 */
export function elementPathOf(release: ErnRelease, field: string): string {
  const parts = field.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const path = release.fieldPaths.get(parts.slice(0, length).join('.'));
    if (path !== undefined) return path;
  }
  return release.path;
}
