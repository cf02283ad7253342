import {
  type LocalizedText,
  type ReleaseDraft,
  type ReleaseType,
  type TrackDraft,
} from '@bandstand/catalog/contracts';
import {
  type ArtistProfile,
  gtinCheckDigit,
  isniCheckCharacter,
  iswcCheckDigit,
} from '@bandstand/catalog/domain';

/** A deterministic source of numbers in [0, 1) (mulberry32), so that every run builds the same catalog. */
export type Random = () => number;

/** A {@link Random} from a seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: Random, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('Cannot pick from nothing');
  return value;
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** A UPC-A (12 digits, GS1 check digit) for release number `n`. */
export function upcOf(n: number): string {
  const body = `19${String(n).padStart(9, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** A distinct ISRC (12 characters, normalised) for recording number `n` < 3,600,000. */
export function isrcOf(n: number): string {
  const registrant = `B${Math.floor(n / 100_000)
    .toString(36)
    .toUpperCase()
    .padStart(2, '0')}`;
  return `NO${registrant}27${String(n % 100_000).padStart(5, '0')}`;
}

/** An ISWC (`T` + 9 digits + check digit) for work number `n`. */
export function iswcOf(n: number): string {
  const body = String(n).padStart(9, '0');
  return `T${body}${iswcCheckDigit(body)}`;
}

/** An ISNI (15 digits + check character) for party number `n`. */
export function isniOf(n: number): string {
  const body = `0000000${String(n).padStart(8, '0')}`;
  return `${body}${isniCheckCharacter(body)}`;
}

/** `USRC17607839` → `US-RC1-76-07839`, as people type it. */
export function hyphenatedIsrc(isrc: string): string {
  return `${isrc.slice(0, 2)}-${isrc.slice(2, 5)}-${isrc.slice(5, 7)}-${isrc.slice(7)}`;
}

/** `T0345246801` → `T-034.524.680-1`. */
export function formattedIswc(iswc: string): string {
  return `T-${iswc.slice(1, 4)}.${iswc.slice(4, 7)}.${iswc.slice(7, 10)}-${iswc.slice(10)}`;
}

// Words and phrases in the scripts a catalog holds; non-Latin ones with their romanisation.
const ENGLISH = [
  'Morning',
  'Light',
  'Harbour',
  'Silver',
  'River',
  'Dream',
  'Night',
  'Summer',
  'Echo',
  'Golden',
  'Wild',
  'Heart',
  'City',
  'Rain',
  'Fire',
  'Ocean',
  'Shadow',
  'Electric',
  'Paper',
  'Garden',
  'Velvet',
  'Midnight',
  'Crystal',
  'Northern',
  'Broken',
  'Distant',
  'Hollow',
  'Neon',
  'Quiet',
  'Restless',
  'Winter',
  'Thunder',
  'Honey',
  'Lantern',
  'Meadow',
  'Orbit',
  'Prism',
  'Saturn',
  'Signal',
  'Static',
  'Tender',
  'Violet',
  'Wander',
  'Yellow',
  'Autumn',
  'Blossom',
  'Canyon',
  'Desert',
  'Ember',
  'Forest',
  'Glacier',
  'Horizon',
  'Island',
  'Jasmine',
  'Kingdom',
  'Lullaby',
  'Marble',
  'Nectar',
  'Oracle',
  'Phantom',
  'Quartz',
  'Radio',
  'Sunset',
  'Tidal',
  'Voyage',
  'Whisper',
  'Zenith',
  'Avenue',
  'Bridge',
  'Candle',
  'Dancer',
  'Engine',
  'Feather',
  'Gravity',
  'Highway',
  'Journey',
  'Letters',
  'Mirror',
  'Nomad',
  'Paradise',
  'Rebel',
  'Satellite',
  'Thousand',
  'Universe',
  'Valley',
  'Window',
  'Youth',
  'Copper',
  'Driftwood',
  'Falcon',
  'Harvest',
  'Ivory',
  'Juniper',
  'Kestrel',
  'Lighthouse',
  'Mosaic',
  'Nightfall',
  'Outrun',
  'Pilgrim',
  'Riverside',
];
const ACCENTED = [
  'Café',
  'Crème',
  'Lumière',
  'Matin',
  'Rêve',
  'Été',
  'Corazón',
  'Salvaje',
  'Canción',
  'Mañana',
  'Noël',
  'Forêt',
  'Éclat',
  'Lune',
  'Sommernächte',
  'Straße',
  'Über',
  'Wolken',
  'Fjäril',
  'Ångest',
  'Sång',
  'Niña',
  'Año',
  'Müde',
  'Señal',
  'Pájaro',
  'Océan',
  'Cœur',
  'Étoile',
  'Château',
];
const JAPANESE: readonly (readonly [string, string])[] = [
  ['夜明け', 'Yoake'],
  ['星空', 'Hoshizora'],
  ['花火', 'Hanabi'],
  ['桜', 'Sakura'],
  ['雨音', 'Amaoto'],
  ['君の声', 'Kimi no Koe'],
  ['青い海', 'Aoi Umi'],
  ['夏の日', 'Natsu no Hi'],
  ['風', 'Kaze'],
  ['月', 'Tsuki'],
  ['光', 'Hikari'],
  ['東京', 'Tokyo'],
  ['約束', 'Yakusoku'],
  ['旅路', 'Tabiji'],
  ['涙', 'Namida'],
  ['未来', 'Mirai'],
  ['夢', 'Yume'],
  ['恋心', 'Koigokoro'],
  ['故郷', 'Furusato'],
  ['白い雪', 'Shiroi Yuki'],
  ['メロディー', 'Merodii'],
  ['ラブソング', 'Rabu Songu'],
];
const RUSSIAN: readonly (readonly [string, string])[] = [
  ['Ночной', 'Nochnoy'],
  ['Город', 'Gorod'],
  ['Белый', 'Belyy'],
  ['Снег', 'Sneg'],
  ['Река', 'Reka'],
  ['Ветер', 'Veter'],
  ['Звезда', 'Zvezda'],
  ['Лето', 'Leto'],
  ['Дорога', 'Doroga'],
  ['Свет', 'Svet'],
  ['Песня', 'Pesnya'],
  ['Море', 'More'],
  ['Небо', 'Nebo'],
  ['Сердце', 'Serdtse'],
  ['Весна', 'Vesna'],
  ['Тишина', 'Tishina'],
  ['Огонь', 'Ogon'],
  ['Мечта', 'Mechta'],
  ['Зима', 'Zima'],
  ['Осень', 'Osen'],
];
const GREEK: readonly (readonly [string, string])[] = [
  ['Καλοκαίρι', 'Kalokairi'],
  ['Θάλασσα', 'Thalassa'],
  ['Φως', 'Fos'],
  ['Νύχτα', 'Nychta'],
  ['Αγάπη', 'Agapi'],
  ['Ήλιος', 'Ilios'],
  ['Ουρανός', 'Ouranos'],
  ['Δρόμος', 'Dromos'],
  ['Φεγγάρι', 'Fengari'],
  ['Όνειρο', 'Oneiro'],
  ['Καρδιά', 'Kardia'],
  ['Αέρας', 'Aeras'],
];
const ARABIC: readonly (readonly [string, string])[] = [
  ['قمر', 'Qamar'],
  ['ليل', 'Layl'],
  ['بحر', 'Bahr'],
  ['حب', 'Hubb'],
  ['شمس', 'Shams'],
  ['نجمة', 'Najma'],
  ['صحراء', 'Sahra'],
  ['مطر', 'Matar'],
  ['حلم', 'Hulm'],
  ['طريق', 'Tariq'],
];
// Syllables of invented words (names, slang, made-up titles), so that the vocabulary is as varied as a
// real catalog's (tens of thousands of words) rather than the few hundred words above.
const SYLLABLES = [
  'ka',
  'lo',
  'ri',
  'men',
  'tor',
  'vel',
  'si',
  'an',
  'dre',
  'mo',
  'na',
  'qui',
  'ber',
  'lin',
  'dus',
  'ha',
  'ze',
  'po',
  'ty',
  'rom',
  'el',
  'sha',
  'vin',
  'cor',
  'da',
  'mir',
  'pel',
  'tu',
  'gra',
  'fen',
];

/** An invented word of 2–4 syllables, capitalised ("Kalomen"). */
export function inventedWord(random: Random): string {
  const word = Array.from({ length: between(random, 2, 4) }, () => pick(random, SYLLABLES)).join('');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

const GIVEN = [
  'Aurora',
  'Jonas',
  'Lena',
  'Theo',
  'Ines',
  'Kofi',
  'Mara',
  'Elias',
  'Noor',
  'Sami',
  'Yuki',
  'Dara',
];
const FAMILY = [
  'Lane',
  'Berg',
  'Sato',
  'Okafor',
  'Novak',
  'Reyes',
  'Lind',
  'Moreau',
  'Haddad',
  'Ivanova',
  'Kowalski',
];
const GENRES = ['Pop', 'Electronic', 'Rock', 'Jazz', 'Hip-Hop', 'Folk', 'Classical', 'Ambient'];

/** The scripts titles are written in, and how often. */
export type TitleScript = 'english' | 'accented' | 'japanese' | 'russian' | 'greek' | 'arabic';

function script(random: Random): TitleScript {
  const roll = random();
  if (roll < 0.6) return 'english';
  if (roll < 0.7) return 'accented';
  if (roll < 0.8) return 'japanese';
  if (roll < 0.9) return 'russian';
  if (roll < 0.95) return 'greek';
  return 'arabic';
}

function localized(text: string, language: string, latin: string | null): LocalizedText {
  return {
    text,
    language,
    translations: latin === null ? [] : [{ language: `${language}-Latn`, text: latin }],
  };
}

/** A title in `kind`'s script, with its romanisation when it is not written in Latin letters. */
export function titleIn(random: Random, kind: TitleScript): LocalizedText {
  switch (kind) {
    case 'english': {
      const words = Array.from({ length: between(random, 1, 3) }, () => pick(random, ENGLISH));
      // Two titles in five carry an invented word: a name, a place, a coinage.
      if (random() < 0.4) words.splice(Math.floor(random() * (words.length + 1)), 0, inventedWord(random));
      return localized(words.join(' '), 'en', null);
    }
    case 'accented': {
      const words = Array.from({ length: between(random, 1, 3) }, () => pick(random, ACCENTED));
      return localized(words.join(' '), 'fr', null);
    }
    case 'japanese': {
      const [first, firstLatin] = pick(random, JAPANESE);
      const [second, secondLatin] = pick(random, JAPANESE);
      return localized(`${first}の${second}`, 'ja', `${firstLatin} no ${secondLatin}`);
    }
    case 'russian': {
      const parts = Array.from({ length: between(random, 1, 2) }, () => pick(random, RUSSIAN));
      return localized(
        parts.map(([text]) => text).join(' '),
        'ru',
        parts.map(([, latin]) => latin).join(' '),
      );
    }
    case 'greek': {
      const parts = Array.from({ length: between(random, 1, 2) }, () => pick(random, GREEK));
      return localized(
        parts.map(([text]) => text).join(' '),
        'el',
        parts.map(([, latin]) => latin).join(' '),
      );
    }
    case 'arabic': {
      const parts = Array.from({ length: between(random, 1, 2) }, () => pick(random, ARABIC));
      return localized(
        parts.map(([text]) => text).join(' '),
        'ar',
        parts.map(([, latin]) => latin).join(' '),
      );
    }
  }
}

/** An artist of the generated catalog. */
export interface FixtureArtist {
  readonly artistId: string;
  readonly profile: ArtistProfile;
}

/** A release of the generated catalog (a complete draft, ready to schedule). */
export interface FixtureRelease {
  readonly draft: ReleaseDraft;
  readonly script: TitleScript;
}

/** A generated catalog. */
export interface CatalogFixture {
  readonly artists: readonly FixtureArtist[];
  readonly releases: readonly FixtureRelease[];
  readonly trackCount: number;
}

/** How big a catalog to generate. */
export interface CatalogFixtureOptions {
  readonly seed: number;
  /** Generate releases until this many tracks, or until `releases` releases, whichever comes first. */
  readonly tracks: number;
  readonly releases?: number;
  /** Tracks per release: a fixed number, or a realistic mix of singles, EPs and albums (≈ 9 on average). */
  readonly tracksPerRelease: number | 'mixed';
  readonly artists: number;
  /** Prefix of ids and identifier numbers, so that two catalogs in one database never collide. */
  readonly first: number;
}

function releaseShape(
  random: Random,
  tracksPerRelease: number | 'mixed',
): { type: ReleaseType; tracks: number } {
  if (tracksPerRelease !== 'mixed') {
    return {
      type: tracksPerRelease === 1 ? 'single' : tracksPerRelease <= 7 ? 'ep' : 'album',
      tracks: tracksPerRelease,
    };
  }
  const roll = random();
  if (roll < 0.25) return { type: 'single', tracks: between(random, 1, 3) };
  if (roll < 0.5) return { type: 'ep', tracks: between(random, 4, 7) };
  return { type: 'album', tracks: between(random, 12, 16) };
}

/**
 * A catalog of complete releases with valid, distinct identifiers (UPC, ISRC, half the tracks with
 * an ISWC, artists with an ISNI) and titles in several scripts with their romanisations.
 */
export function generateCatalog(options: CatalogFixtureOptions): CatalogFixture {
  const random = seededRandom(options.seed);
  const artists: FixtureArtist[] = Array.from({ length: options.artists }, (_, index) => {
    const n = options.first + index;
    const name = `${pick(random, GIVEN)} ${pick(random, FAMILY)}`;
    return {
      artistId: `bench-artist-${n}`,
      profile: { name: localized(name, 'en', null), isni: isniOf(n), ipi: null, country: 'NO', bio: null },
    };
  });
  const releases: FixtureRelease[] = [];
  let trackCount = 0;
  while (trackCount < options.tracks && releases.length < (options.releases ?? Infinity)) {
    const n = options.first + releases.length;
    const shape = releaseShape(random, options.tracksPerRelease);
    const count = Math.min(shape.tracks, options.tracks - trackCount);
    const artist = pick(random, artists);
    const kind = script(random);
    const genre = pick(random, GENRES);
    const tracks: TrackDraft[] = Array.from({ length: count }, (_, index) => {
      const t = trackCount + index;
      return {
        trackId: `bench-track-${t}`,
        title: titleIn(random, random() < 0.7 ? kind : 'english'),
        versionTitle: null,
        isrc: isrcOf(t),
        iswc: t % 2 === 0 ? iswcOf(t) : null,
        durationMs: between(random, 120_000, 420_000),
        displayArtist: artist.profile.name.text,
        contributors: [],
        genre: null,
        parentalWarning: 'not-explicit',
        language: null,
        disc: 1,
        audioAssetId: null,
      };
    });
    trackCount += count;
    releases.push({
      script: kind,
      draft: {
        type: count === 1 ? 'single' : shape.type,
        title: titleIn(random, kind),
        versionTitle: null,
        displayArtist: artist.profile.name.text,
        artistIds: [artist.artistId],
        upc: upcOf(n),
        catalogNumber: `BENCH-${n}`,
        labelName: 'Bench Records',
        genre,
        subgenre: null,
        parentalWarning: 'not-explicit',
        languages: [],
        pLine: { year: 2027, owner: 'Bench Records' },
        cLine: { year: 2027, owner: 'Bench Records' },
        originalReleaseDate: null,
        artworkAssetId: null,
        contributors: [],
        tracks,
      },
    });
  }
  return { artists, releases, trackCount };
}
