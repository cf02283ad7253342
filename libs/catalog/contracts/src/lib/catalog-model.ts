/**
 * The catalog's metadata model, shared by the api, the consoles, the CSV and ERN mappings and the
 * integration events. Identifiers are stored normalised (see each field); the consoles format them.
 */

/** Kinds of release (DDEX ReleaseType: Album, EP, Single, and a compilation album). */
export const RELEASE_TYPES = ['album', 'ep', 'single', 'compilation'] as const;
/** A kind of release. */
export type ReleaseType = (typeof RELEASE_TYPES)[number];

/** Parental advisory (DDEX ParentalWarningType). */
export const PARENTAL_WARNINGS = [
  'explicit',
  'explicit-content-edited',
  'not-explicit',
  'no-advice-available',
] as const;
/** A parental advisory. */
export type ParentalWarning = (typeof PARENTAL_WARNINGS)[number];

/** Roles a contributor holds on a release or a recording (DDEX role names, kebab-cased). */
export const CONTRIBUTOR_ROLES = [
  'main-artist',
  'featured-artist',
  'remixer',
  'producer',
  'composer',
  'lyricist',
  'arranger',
  'mixer',
  'mastering-engineer',
  'recording-engineer',
  'performer',
  'conductor',
] as const;
/** A contributor's role. */
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/** Roles whose holders write the composition (and so carry an IPI rather than an ISNI, usually). */
export const COMPOSITION_ROLES: readonly ContributorRole[] = ['composer', 'lyricist', 'arranger'];

/** Lifecycle of a release: draft → scheduled → released → taken down. */
export const RELEASE_STATUSES = ['draft', 'scheduled', 'released', 'taken-down'] as const;
/** Where a release stands in its lifecycle. */
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** The territory code meaning "the whole world" (as in DDEX); every other territory is ISO 3166-1 alpha-2. */
export const WORLDWIDE = 'WW' as const;

/** A text in the language it was written in, with translations and transliterations. */
export interface LocalizedText {
  /** The text as the artist writes it, in any script. 1–500 characters, trimmed. */
  readonly text: string;
  /** BCP 47 tag of `text`, e.g. `ja`, `sr-Cyrl`, `en`; null when unknown. */
  readonly language: string | null;
  /** Other renderings, at most one per language tag (`ja-Latn` is a transliteration of `ja`). */
  readonly translations: readonly Translation[];
}

/** One rendering of a {@link LocalizedText} in another language or script. */
export interface Translation {
  /** BCP 47 tag, canonicalised (`Intl.getCanonicalLocales`). */
  readonly language: string;
  readonly text: string;
}

/** A © or ℗ line: the year and the owner. */
export interface CopyrightLine {
  readonly year: number;
  readonly owner: string;
}

/** A person or group credited on a release or a track. */
export interface Contributor {
  /** The name as credited. */
  readonly name: string;
  /** The catalog artist this credit points to, when the artist has a profile here. */
  readonly artistId: string | null;
  /** One or more roles, no role twice. */
  readonly roles: readonly ContributorRole[];
  /** International Standard Name Identifier, 16 characters without spaces, check character verified. */
  readonly isni: string | null;
  /** CISAC IPI name number, 11 digits. */
  readonly ipi: string | null;
  /** The instrument of a `performer`, free text (e.g. "Piano"). */
  readonly instrument: string | null;
}

/** A track (a sound recording on this release) as edited in a draft. */
export interface TrackDraft {
  /** Assigned by the server when the track is added; stable across versions. */
  readonly trackId: string;
  readonly title: LocalizedText;
  /** "Radio Edit", "Live at …"; null for the original. */
  readonly versionTitle: string | null;
  /** ISRC normalised to 12 characters without hyphens (`USRC17607839`); null until assigned. */
  readonly isrc: string | null;
  /** ISWC of the underlying composition, normalised (`T0345246801`); null when unknown. */
  readonly iswc: string | null;
  /** 1 ms to 24 h; null until the audio is known. */
  readonly durationMs: number | null;
  readonly displayArtist: string;
  readonly contributors: readonly Contributor[];
  readonly genre: string | null;
  readonly parentalWarning: ParentalWarning;
  /** BCP 47 tag of the language sung, `zxx` for instrumentals; null when unknown. */
  readonly language: string | null;
  /** Disc number, 1-based; tracks are ordered by disc, then by their place in `tracks`. */
  readonly disc: number;
  /** The audio file's asset id (kind `audio`), if uploaded. */
  readonly audioAssetId: string | null;
}

/** A release's metadata as edited in a draft: everything a version captures. */
export interface ReleaseDraft {
  readonly type: ReleaseType;
  readonly title: LocalizedText;
  readonly versionTitle: string | null;
  /** The artist line as shown, e.g. "Aurora Lane feat. Kestrel". */
  readonly displayArtist: string;
  /** The catalog artists this release belongs to (main artists), at least one to schedule. */
  readonly artistIds: readonly string[];
  /** UPC (GTIN-12) or EAN (GTIN-13), digits only, check digit verified; null until assigned. */
  readonly upc: string | null;
  /** Catalogue number used by the label, free text. */
  readonly catalogNumber: string | null;
  readonly labelName: string | null;
  readonly genre: string | null;
  readonly subgenre: string | null;
  readonly parentalWarning: ParentalWarning;
  /** BCP 47 tags of the languages of the release's metadata and performance. */
  readonly languages: readonly string[];
  readonly pLine: CopyrightLine | null;
  readonly cLine: CopyrightLine | null;
  /** The first release of this music anywhere (YYYY-MM-DD), for reissues; null for new music. */
  readonly originalReleaseDate: string | null;
  /** The artwork's asset id (kind `artwork`), if uploaded. */
  readonly artworkAssetId: string | null;
  /** Credits for the whole release. */
  readonly contributors: readonly Contributor[];
  /** In order: disc by disc, track by track. */
  readonly tracks: readonly TrackDraft[];
}

/**
 * What a client sends for a release draft: a {@link ReleaseDraft} where tracks without a `trackId`
 * are new, optional fields may be left out (null or empty), and identifiers may carry hyphens,
 * spaces or lower case — the server normalises them. Unknown fields are refused.
 */
export type ReleaseDraftInput = Omit<Partial<ReleaseDraft>, 'tracks' | 'title' | 'type' | 'contributors'> & {
  readonly type: ReleaseType;
  readonly title: LocalizedTextInput;
  readonly contributors?: readonly ContributorInput[];
  readonly tracks?: readonly TrackDraftInput[];
};

/** A {@link LocalizedText} as sent: language and translations may be left out. */
export type LocalizedTextInput =
  | string
  | {
      readonly text: string;
      readonly language?: string | null;
      readonly translations?: readonly Translation[];
    };

/** A {@link TrackDraft} as sent; see {@link ReleaseDraftInput}. */
export type TrackDraftInput = Omit<Partial<TrackDraft>, 'title' | 'contributors'> & {
  readonly title: LocalizedTextInput;
  readonly contributors?: readonly ContributorInput[];
};

/** A {@link Contributor} as sent. */
export type ContributorInput = Omit<Partial<Contributor>, 'name' | 'roles'> & {
  readonly name: string;
  readonly roles: readonly ContributorRole[];
};

/** When and where a release becomes visible. Every instant is ISO 8601 UTC (`…Z`). */
export interface ReleaseSchedule {
  /** The release moment where no territory says otherwise. */
  readonly releaseAt: string;
  /** Territories with distribution rights: `['WW']` for the world, else ISO 3166-1 alpha-2 codes. */
  readonly territories: readonly string[];
  /** Territories taken out of `territories` (only with `['WW']`). */
  readonly excludedTerritories: readonly string[];
  /** A territory's own release moment (New Music Friday at local midnight, an earlier drop). */
  readonly territoryReleases: readonly TerritoryRelease[];
  /** Windows in which the release must not be visible in a territory (`WW`: anywhere). */
  readonly embargoes: readonly Embargo[];
}

/** One territory's own release moment. */
export interface TerritoryRelease {
  readonly territory: string;
  readonly releaseAt: string;
}

/** A window in which a release must not be visible in a territory: from `from` until `until` (excluded). */
export interface Embargo {
  readonly territory: string;
  readonly from: string;
  readonly until: string;
  readonly reason: string | null;
}

/** How an edit reached a draft. */
export const REVISION_SOURCES = ['editor', 'batch', 'csv', 'ern'] as const;
/** How an edit reached a draft. */
export type RevisionSource = (typeof REVISION_SOURCES)[number];

/** One field that differs between two states of a release, by path (`title.text`, `tracks[trk-1].isrc`). */
export interface FieldChange {
  /**
   * Dotted path; tracks are addressed by id (`tracks[<trackId>].genre`), a whole track added or removed
   * by `tracks[<trackId>]`, the order of tracks by `tracks.order`.
   */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Kinds of stored file. */
export const ASSET_KINDS = ['artwork', 'audio'] as const;
/** A kind of stored file. */
export type AssetKind = (typeof ASSET_KINDS)[number];
