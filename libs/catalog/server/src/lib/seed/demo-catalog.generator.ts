import {
  type ArtistInput,
  type ContributorInput,
  type ContributorRole,
  type ParentalWarning,
  type ReleaseDraftInput,
  type ReleaseType,
  type ScheduleReleaseRequest,
  type TrackDraftInput,
} from '@bandstand/catalog/contracts';
import { gtinCheckDigit, isniCheckCharacter, iswcCheckDigit } from '@bandstand/catalog/domain';
import { type Rng } from '@bandstand/shared/seed';

const DAY_MS = 86_400_000;

/** How much demo catalog one organisation gets per seed scale. */
export interface DemoCatalogSize {
  readonly artists: number;
  readonly releases: number;
}

/** An artist the demo creates, and when. */
export interface DemoArtistPlan {
  readonly orgId: string;
  readonly key: number;
  readonly at: Date;
  readonly input: ArtistInput;
}

/** One step of a release's demo history, at the instant the seed performs it. */
export type DemoReleaseStep =
  | { readonly kind: 'create'; readonly at: Date; readonly draft: ReleaseDraftInput }
  | { readonly kind: 'schedule'; readonly at: Date; readonly schedule: ScheduleReleaseRequest }
  | { readonly kind: 'release-due'; readonly at: Date }
  /** A correction after the release: the genre of the release and its tracks. */
  | { readonly kind: 'revise'; readonly at: Date; readonly genre: string }
  | { readonly kind: 'publish'; readonly at: Date; readonly note: string }
  | { readonly kind: 'take-down'; readonly at: Date; readonly reason: string };

/** A release the demo creates and what happens to it. `artistKeys` name the org's artists by key. */
export interface DemoReleasePlan {
  readonly orgId: string;
  readonly key: number;
  readonly artistKeys: readonly number[];
  readonly steps: readonly DemoReleaseStep[];
}

interface NameForm {
  readonly text: string;
  readonly language: string;
  readonly latin?: string;
}

const GIVEN = [
  'Mara',
  'Jonas',
  'Lena',
  'Theo',
  'Ines',
  'Kofi',
  'Ada',
  'Ravi',
  'Noor',
  'Elio',
  'Freya',
  'Tomas',
];
const FAMILY = [
  'Lind',
  'Okafor',
  'Varga',
  'Moreau',
  'Silva',
  'Brennan',
  'Kowalski',
  'Haddad',
  'Lindqvist',
  'Åberg',
];
const BAND_FIRST = [
  'Velvet',
  'Paper',
  'Silver',
  'Quiet',
  'Electric',
  'Hollow',
  'Golden',
  'Northern',
  'Glass',
  'Wild',
];
const BAND_SECOND = [
  'Harbours',
  'Satellites',
  'Foxes',
  'Lanterns',
  'Tides',
  'Engines',
  'Orchards',
  'Signals',
];
const NATIVE_ARTISTS: readonly NameForm[] = [
  { text: '星野ミナ', language: 'ja', latin: 'Hoshino Mina' },
  { text: '夜明けの街', language: 'ja', latin: 'Yoake no Machi' },
  { text: '하늘빛', language: 'ko', latin: 'Haneulbit' },
  { text: 'Северный Ветер', language: 'ru', latin: 'Severny Veter' },
  { text: 'Θάλασσα Τρία', language: 'el', latin: 'Thalassa Tria' },
  { text: 'Coração Azul', language: 'pt' },
  { text: 'Åsa Lindqvist', language: 'sv' },
  { text: 'Zoë Écrivain', language: 'fr' },
];
const TITLE_WORDS = [
  'Morning',
  'Light',
  'Harbour',
  'Static',
  'Echo',
  'Garden',
  'Midnight',
  'River',
  'Paper',
  'Satellite',
  'Winter',
  'Glow',
  'Signal',
  'Orchard',
  'Ember',
  'Horizon',
  'Velvet',
  'Drift',
  'Neon',
  'Hollow',
];
const NATIVE_TITLES: readonly NameForm[] = [
  { text: '夜明けのうた', language: 'ja', latin: 'Yoake no Uta' },
  { text: '青い鳥', language: 'ja', latin: 'Aoi Tori' },
  { text: '별빛 아래', language: 'ko', latin: 'Byeolbit Arae' },
  { text: 'Белые ночи', language: 'ru', latin: 'Belye Nochi' },
  { text: 'Φως του Αυγούστου', language: 'el', latin: 'Fos tou Avgoustou' },
  { text: 'Saudade do Mar', language: 'pt' },
  { text: 'Été indien', language: 'fr' },
];
const GENRES = [
  'Pop',
  'Rock',
  'Electronic',
  'Hip-Hop',
  'Jazz',
  'Folk',
  'Classical',
  'R&B',
  'Indie',
  'Ambient',
];
const COUNTRIES = ['US', 'GB', 'SE', 'JP', 'KR', 'DE', 'FR', 'BR', 'NG', 'GR', 'RU', 'CA', 'AU'];
const LANGUAGE_OF: Readonly<Record<string, string>> = {
  JP: 'ja',
  KR: 'ko',
  RU: 'ru',
  GR: 'el',
  BR: 'pt',
  FR: 'fr',
  SE: 'sv',
  DE: 'de',
};
const CREW = ['Ana Ruiz', 'Ben Ito', 'Cleo Marsh', 'Dev Patel', 'Eli Stone', 'Fay Wong', 'Gus Hale'];

function padded(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Deterministic demo catalog for one organisation: artists in several scripts, releases with valid
 * UPCs, ISRCs and ISWCs, credits, and a history over the past year (drafts, scheduled drops with
 * embargoes and territory dates, releases, second versions, a takedown). Identifiers embed `orgIndex`
 * so that several organisations never collide.
 */
export class DemoCatalogGenerator {
  private isrcSequence = 0;
  private upcSequence = 0;
  private iswcSequence = 0;
  private readonly usedNames = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly today: Date,
    private readonly orgIndex: number,
  ) {}

  artists(orgId: string, count: number): DemoArtistPlan[] {
    const start = new Date(this.today.getTime() - 420 * DAY_MS);
    return Array.from({ length: count }, (_, key) => {
      const picked = this.rng.bool(0.2) ? this.rng.pick(NATIVE_ARTISTS) : null;
      const native = picked === null || this.usedNames.has(picked.text) ? null : picked;
      const name = native === null || this.usedNames.has(native.text) ? this.latinName() : native.text;
      this.usedNames.add(name);
      const country = native === null ? this.rng.pick(COUNTRIES) : countryOfLanguage(native.language);
      const isniDigits = `0000000${padded(this.orgIndex, 2)}${padded(key, 6)}`;
      return {
        orgId,
        key,
        at: new Date(start.getTime() + key * 60_000),
        input: {
          name:
            native === null
              ? name
              : {
                  text: name,
                  language: native.language,
                  translations:
                    native.latin === undefined
                      ? []
                      : [{ language: `${native.language}-Latn`, text: native.latin }],
                },
          isni: this.rng.bool(0.6) ? `${isniDigits}${isniCheckCharacter(isniDigits)}` : null,
          ipi: this.rng.bool(0.3) ? padded(this.rng.int(1, 99_999_999_999), 11) : null,
          country,
          bio: `${native?.latin ?? name} makes ${this.rng.pick(GENRES).toLowerCase()} records from ${country}.`,
        },
      };
    });
  }

  releases(
    orgId: string,
    artists: readonly DemoArtistPlan[],
    count: number,
    labelName: string,
  ): DemoReleasePlan[] {
    return Array.from({ length: count }, (_, key) => this.release(orgId, artists, key, labelName));
  }

  private release(
    orgId: string,
    artists: readonly DemoArtistPlan[],
    key: number,
    labelName: string,
  ): DemoReleasePlan {
    const artist = this.rng.pick(artists);
    const artistName = typeof artist.input.name === 'string' ? artist.input.name : artist.input.name.text;
    const type = this.rng.weighted<ReleaseType>([
      { value: 'single', weight: 5 },
      { value: 'ep', weight: 3 },
      { value: 'album', weight: 3 },
      { value: 'compilation', weight: 0.5 },
    ]);
    const trackCount =
      type === 'single' ? this.rng.int(1, 2) : type === 'ep' ? this.rng.int(4, 6) : this.rng.int(8, 14);
    const genre = this.rng.pick(GENRES);
    const warning = this.rng.weighted<ParentalWarning>([
      { value: 'not-explicit', weight: 8 },
      { value: 'explicit', weight: 1.5 },
      { value: 'no-advice-available', weight: 0.5 },
    ]);
    const language = LANGUAGE_OF[artist.input.country ?? ''] ?? 'en';
    const title = this.title();
    const featured = this.rng.bool(0.15) ? this.rng.pick(artists) : null;
    const featuredName =
      featured === null || featured === artist
        ? null
        : typeof featured.input.name === 'string'
          ? featured.input.name
          : featured.input.name.text;
    const year = this.today.getUTCFullYear();
    const tracks: TrackDraftInput[] = Array.from({ length: trackCount }, (_, index) => {
      const trackTitle = index === 0 && type === 'single' ? title : this.title();
      const roles: ContributorInput[] = [
        { name: artistName, artistId: null, roles: ['main-artist'] as ContributorRole[] },
        { name: this.rng.pick(CREW), roles: ['composer', 'lyricist'] as ContributorRole[] },
        { name: this.rng.pick(CREW), roles: ['producer'] as ContributorRole[] },
        ...(this.rng.bool(0.4) ? [{ name: this.rng.pick(CREW), roles: ['mixer'] as ContributorRole[] }] : []),
        ...(featuredName !== null && index === 0
          ? [{ name: featuredName, roles: ['featured-artist'] as ContributorRole[] }]
          : []),
      ];
      return {
        title: trackTitle,
        versionTitle: this.rng.bool(0.05) ? 'Radio Edit' : null,
        isrc: this.isrc(artist.input.country ?? 'US', year),
        iswc: this.rng.bool(0.5) ? this.iswc() : null,
        durationMs: this.rng.int(95, 420) * 1000,
        displayArtist:
          featuredName !== null && index === 0 ? `${artistName} feat. ${featuredName}` : artistName,
        contributors: roles,
        genre,
        parentalWarning: warning,
        language: this.rng.bool(0.1) ? 'zxx' : language,
        disc: type === 'album' && trackCount > 12 && index >= 7 ? 2 : 1,
      };
    });
    const draft: ReleaseDraftInput = {
      type,
      title,
      displayArtist: artistName,
      upc: this.upc(),
      catalogNumber: `NLR-${padded(this.orgIndex, 2)}${padded(key, 5)}`,
      labelName,
      genre,
      subgenre: null,
      parentalWarning: warning,
      languages: [language],
      pLine: { year, owner: labelName },
      cLine: { year, owner: labelName },
      contributors: [{ name: artistName, roles: ['main-artist'] }],
      tracks,
    };
    return { orgId, key, artistKeys: [artist.key], steps: this.history(draft) };
  }

  private history(draft: ReleaseDraftInput): DemoReleaseStep[] {
    const day = this.today.getTime();
    const fate = this.rng.weighted([
      { value: 'released', weight: 80 },
      { value: 'scheduled', weight: 10 },
      { value: 'draft', weight: 8 },
      { value: 'taken-down', weight: 2 },
    ]);
    // Releases go out on Fridays at midnight UTC, as most labels do.
    const offsetDays = fate === 'scheduled' ? this.rng.int(7, 90) : -this.rng.int(3, 360);
    const target = new Date(day + offsetDays * DAY_MS);
    const friday = new Date(target.getTime() + ((5 - target.getUTCDay() + 7) % 7) * DAY_MS);
    const releaseAt = new Date(Date.UTC(friday.getUTCFullYear(), friday.getUTCMonth(), friday.getUTCDate()));
    const createdAt = new Date(Math.min(releaseAt.getTime(), day) - this.rng.int(20, 50) * DAY_MS);
    const steps: DemoReleaseStep[] = [{ kind: 'create', at: createdAt, draft }];
    const earlyDownUnder = this.rng.bool(0.1);
    const germanEmbargo = this.rng.bool(0.08);
    const germanRelease = new Date(releaseAt.getTime() + 7 * DAY_MS);
    if (fate === 'draft') return steps;
    const schedule: ScheduleReleaseRequest = {
      releaseAt: releaseAt.toISOString(),
      territories: ['WW'],
      excludedTerritories: this.rng.bool(0.05) ? ['CN'] : [],
      // Australia and New Zealand get Friday first, a day ahead in UTC terms.
      territoryReleases: [
        ...(earlyDownUnder
          ? ['AU', 'NZ'].map((territory) => ({
              territory,
              releaseAt: new Date(releaseAt.getTime() - 11 * 3_600_000).toISOString(),
            }))
          : []),
        // Germany waits out a broadcaster's exclusive window and releases the moment it ends.
        ...(germanEmbargo ? [{ territory: 'DE', releaseAt: germanRelease.toISOString() }] : []),
      ],
      embargoes: germanEmbargo
        ? [
            {
              territory: 'DE',
              from: createdAt.toISOString(),
              until: germanRelease.toISOString(),
              reason: 'Broadcaster exclusive window',
            },
          ]
        : [],
    };
    steps.push({ kind: 'schedule', at: new Date(createdAt.getTime() + DAY_MS), schedule });
    if (fate === 'scheduled') return steps;
    const earliest = Math.min(
      releaseAt.getTime(),
      ...(schedule.territoryReleases ?? []).map((entry) => new Date(entry.releaseAt).getTime()),
    );
    steps.push({ kind: 'release-due', at: new Date(earliest) });
    const later = earliest + this.rng.int(5, 40) * DAY_MS;
    if (this.rng.bool(0.15) && later < day) {
      const genre = this.rng.pick(GENRES.filter((candidate) => candidate !== draft.genre));
      steps.push({ kind: 'revise', at: new Date(later), genre });
      steps.push({ kind: 'publish', at: new Date(later + 3_600_000), note: 'Corrected the genre' });
    }
    if (fate === 'taken-down' && later < day) {
      steps.push({ kind: 'take-down', at: new Date(later + 2 * 3_600_000), reason: 'Rights dispute' });
    }
    return steps;
  }

  /** A person or band name not used before in this organisation. */
  private latinName(): string {
    for (let attempt = 0; ; attempt++) {
      const person = this.rng.bool(0.5);
      const base = person
        ? `${this.rng.pick(GIVEN)} ${this.rng.pick(FAMILY)}`
        : `${this.rng.bool(0.3) ? 'The ' : ''}${this.rng.pick(BAND_FIRST)} ${this.rng.pick(BAND_SECOND)}`;
      const name = attempt < 20 ? base : `${base} ${String.fromCharCode(65 + (attempt % 26))}.`;
      if (!this.usedNames.has(name)) return name;
    }
  }

  private title():
    string | { text: string; language: string; translations: { language: string; text: string }[] } {
    if (this.rng.bool(0.12)) {
      const native = this.rng.pick(NATIVE_TITLES);
      return {
        text: native.text,
        language: native.language,
        translations:
          native.latin === undefined ? [] : [{ language: `${native.language}-Latn`, text: native.latin }],
      };
    }
    const words = this.rng.int(1, 3);
    return this.rng.sample(TITLE_WORDS, words).join(' ');
  }

  private isrc(country: string, year: number): string {
    this.isrcSequence += 1;
    // Registrant code per organisation (`B` + two digits), designation codes in sequence.
    return `${country}B${padded(this.orgIndex, 2)}${padded(year % 100, 2)}${padded(this.isrcSequence, 5)}`;
  }

  private upc(): string {
    this.upcSequence += 1;
    const body = `8${padded(this.orgIndex, 3)}${padded(this.upcSequence, 7)}`;
    return `${body}${gtinCheckDigit(body)}`;
  }

  private iswc(): string {
    this.iswcSequence += 1;
    const digits = `${padded(this.orgIndex, 3)}${padded(this.iswcSequence, 6)}`;
    return `T${digits}${iswcCheckDigit(digits)}`;
  }
}

function countryOfLanguage(language: string): string {
  const country = Object.entries(LANGUAGE_OF).find(([, tag]) => tag === language)?.[0];
  return country ?? 'US';
}
