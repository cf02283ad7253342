import {
  type Contributor,
  type ContributorRole,
  type CopyrightLine,
  type ParentalWarning,
  type PublicTrack,
  WORLDWIDE,
} from '@bandstand/catalog/contracts';
import { getName, registerLocale } from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';

// Country names in English only: the fan app is in English, and one locale keeps the bundle small.
registerLocale(en);

// The names people use where the list's first (official) name reads as a treaty title or takes a side.
const COMMON_NAMES: Readonly<Record<string, string>> = {
  CN: 'China',
  RU: 'Russia',
  TW: 'Taiwan',
  US: 'United States',
};

/** A territory's name (`DE` → Germany, `WW` → Worldwide); the code itself when it is unknown. */
export function territoryName(code: string): string {
  if (code === WORLDWIDE) return 'Worldwide';
  return COMMON_NAMES[code] ?? getName(code, 'en', { select: 'official' }) ?? code;
}

/** Territory names in alphabetical order. */
export function territoryNames(codes: readonly string[]): string[] {
  return codes.map(territoryName).sort((a, b) => a.localeCompare(b, 'en'));
}

/** Where a release is out, in words: "Worldwide", "Worldwide except China", "France, Germany". */
export function availabilityLine(territories: readonly string[], excluded: readonly string[]): string {
  const where = territories.includes(WORLDWIDE) ? 'Worldwide' : territoryNames(territories).join(', ');
  return excluded.length === 0 ? where : `${where} except ${territoryNames(excluded).join(', ')}`;
}

/** The parental advisory badge of a release or track, or null when it needs none. */
export function advisoryBadge(warning: ParentalWarning): string | null {
  if (warning === 'explicit') return 'Explicit';
  if (warning === 'explicit-content-edited') return 'Clean (edited)';
  return null;
}

/** A ℗ or © line as printed on a sleeve: `℗ 2027 Night Owls`. */
export function copyrightText(symbol: '℗' | '©', line: CopyrightLine | null): string | null {
  return line === null ? null : `${symbol} ${line.year} ${line.owner}`;
}

const ROLE_LABELS: Readonly<Record<ContributorRole, string>> = {
  'main-artist': 'Main artist',
  'featured-artist': 'Featured artist',
  remixer: 'Remixer',
  producer: 'Producer',
  composer: 'Composer',
  lyricist: 'Lyricist',
  arranger: 'Arranger',
  mixer: 'Mixer',
  'mastering-engineer': 'Mastering engineer',
  'recording-engineer': 'Recording engineer',
  performer: 'Performer',
  conductor: 'Conductor',
};

/** A credit role as fans read it. */
export function roleLabel(role: ContributorRole): string {
  return ROLE_LABELS[role];
}

/** One line of credits: a role and who holds it, in the order they are credited. */
export interface CreditLine {
  readonly role: ContributorRole;
  readonly label: string;
  readonly names: readonly string[];
}

/**
 * Credits grouped by role, in the order roles first appear; a performer's instrument follows their
 * name. Main and featured artists are left out (the artist line already names them).
 */
export function creditLines(contributors: readonly Contributor[]): CreditLine[] {
  const lines = new Map<ContributorRole, string[]>();
  for (const contributor of contributors) {
    for (const role of contributor.roles) {
      if (role === 'main-artist' || role === 'featured-artist') continue;
      const name =
        role === 'performer' && contributor.instrument !== null
          ? `${contributor.name} (${contributor.instrument})`
          : contributor.name;
      lines.set(role, [...(lines.get(role) ?? []), name]);
    }
  }
  return [...lines].map(([role, names]) => ({ role, label: roleLabel(role), names }));
}

/** The featured artists credited on a track. */
export function featuredArtists(track: PublicTrack): string[] {
  return track.contributors
    .filter((contributor) => contributor.roles.includes('featured-artist'))
    .map((contributor) => contributor.name);
}

/** A track list split by disc (one group for a single disc). */
export function tracksByDisc(tracks: readonly PublicTrack[]): { disc: number; tracks: PublicTrack[] }[] {
  const discs = new Map<number, PublicTrack[]>();
  for (const track of tracks) discs.set(track.disc, [...(discs.get(track.disc) ?? []), track]);
  return [...discs].sort(([a], [b]) => a - b).map(([disc, ofDisc]) => ({ disc, tracks: ofDisc }));
}

/** A language tag's name in English (`ja` → Japanese); the tag itself when it has none. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
