import { type ContributorRole, type ParentalWarning, type ReleaseType } from '@bandstand/catalog/contracts';

/** The namespace of ERN 4.3 messages, which the exporter writes. */
export const ERN_43_NAMESPACE = 'http://ddex.net/xml/ern/43';

/**
 * Namespaces the importer reads: ERN 4.3 and its revision 4.3.2, whose NewReleaseMessage has the
 * same shape for every element the mapping uses.
 */
export const ERN_IMPORT_NAMESPACES: readonly string[] = [ERN_43_NAMESPACE, 'http://ddex.net/xml/ern/432'];

/** The AllowedValueSets version the exporter declares (`AvsVersionId`): the one vendored in `schema/`. */
export const AVS_VERSION_ID = '9';

/** Catalog release types as DDEX ReleaseType (a compilation is an Album flagged as multi-artist compilation). */
export const RELEASE_TYPE_TO_ERN: Readonly<Record<ReleaseType, string>> = {
  album: 'Album',
  ep: 'EP',
  single: 'Single',
  compilation: 'Album',
};

/** DDEX ReleaseType values the importer understands. */
export const ERN_TO_RELEASE_TYPE: Readonly<Record<string, ReleaseType>> = {
  Album: 'album',
  ClassicalAlbum: 'album',
  EP: 'ep',
  Single: 'single',
};

/** Parental advisories as DDEX ParentalWarningType. */
export const PARENTAL_WARNING_TO_ERN: Readonly<Record<ParentalWarning, string>> = {
  explicit: 'Explicit',
  'explicit-content-edited': 'ExplicitContentEdited',
  'not-explicit': 'NotExplicit',
  'no-advice-available': 'NoAdviceAvailable',
};

/** DDEX ParentalWarningType values the importer understands (`Unknown` carries no advice). */
export const ERN_TO_PARENTAL_WARNING: Readonly<Record<string, ParentalWarning>> = {
  Explicit: 'explicit',
  ExplicitContentEdited: 'explicit-content-edited',
  NotExplicit: 'not-explicit',
  NoAdviceAvailable: 'no-advice-available',
  Unknown: 'no-advice-available',
};

/** The two artist roles, written as DisplayArtist/DisplayArtistRole rather than as Contributor/Role. */
export const DISPLAY_ARTIST_ROLE_TO_ERN: Readonly<Partial<Record<ContributorRole, string>>> = {
  'main-artist': 'MainArtist',
  'featured-artist': 'FeaturedArtist',
};

/** DDEX DisplayArtistRole values the importer understands. */
export const ERN_TO_DISPLAY_ARTIST_ROLE: Readonly<Record<string, ContributorRole>> = {
  MainArtist: 'main-artist',
  FeaturedArtist: 'featured-artist',
  Artist: 'main-artist',
};

/**
 * The other roles as DDEX ContributorRole. ERN 4.3's AllowedValueSets has no plain `Producer`: the
 * person who produces a recording is a `StudioProducer`.
 */
export const CONTRIBUTOR_ROLE_TO_ERN: Readonly<Partial<Record<ContributorRole, string>>> = {
  remixer: 'Remixer',
  producer: 'StudioProducer',
  composer: 'Composer',
  lyricist: 'Lyricist',
  arranger: 'Arranger',
  mixer: 'Mixer',
  'mastering-engineer': 'MasteringEngineer',
  'recording-engineer': 'RecordingEngineer',
  performer: 'Performer',
  conductor: 'Conductor',
};

/** DDEX ContributorRole values the importer understands; others are skipped. */
export const ERN_TO_CONTRIBUTOR_ROLES: Readonly<Record<string, readonly ContributorRole[]>> = {
  Remixer: ['remixer'],
  StudioProducer: ['producer'],
  Producer: ['producer'],
  Composer: ['composer'],
  Lyricist: ['lyricist'],
  ComposerLyricist: ['composer', 'lyricist'],
  Arranger: ['arranger'],
  MusicArranger: ['arranger'],
  Mixer: ['mixer'],
  MixingEngineer: ['mixer'],
  MasteringEngineer: ['mastering-engineer'],
  RecordingEngineer: ['recording-engineer'],
  Performer: ['performer'],
  Musician: ['performer'],
  Conductor: ['conductor'],
};

/** ResourceGroupType of one disc of a multi-disc release. */
export const DISC_RESOURCE_GROUP_TYPE = 'Component';
/** The SoundRecordingType written for every track. */
export const SOUND_RECORDING_TYPE = 'MusicalWorkSoundRecording';
/** DDEX's territory code for the whole world. */
export const ERN_WORLDWIDE = 'Worldwide';
