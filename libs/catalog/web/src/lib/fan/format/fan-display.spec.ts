import { availabilityLine, creditLines, languageName, territoryName } from './fan-display';
import { credit } from '../testing/fan-fixtures';

describe('how the fan app words catalog facts', () => {
  it('names territories in English, the world included', () => {
    expect(['DE', 'FR', 'NO', 'JP', 'GB', 'US', 'CN', 'WW'].map(territoryName)).toEqual([
      'Germany',
      'France',
      'Norway',
      'Japan',
      'United Kingdom',
      'United States',
      'China',
      'Worldwide',
    ]);
    expect(territoryName('QQ')).toBe('QQ');
  });

  it('says where a release is out, exclusions last, names sorted', () => {
    expect(availabilityLine(['WW'], [])).toBe('Worldwide');
    expect(availabilityLine(['WW'], ['DE', 'CN'])).toBe('Worldwide except China, Germany');
    expect(availabilityLine(['NO', 'DE', 'SE'], [])).toBe('Germany, Norway, Sweden');
  });

  it('groups credits by role in the order they first appear, leaving out the artists', () => {
    expect(
      creditLines([
        credit('Aurora Lane', ['main-artist', 'producer']),
        credit('Kestrel', ['featured-artist']),
        credit('Mara Quell', ['composer', 'producer']),
        credit('Sol Ferreira', ['performer'], { instrument: 'Cello' }),
      ]).map((line) => `${line.label}: ${line.names.join(', ')}`),
    ).toEqual([
      'Producer: Aurora Lane, Mara Quell',
      'Composer: Mara Quell',
      'Performer: Sol Ferreira (Cello)',
    ]);
  });

  it('names languages, keeping a tag it does not know', () => {
    expect(['ja', 'sr-Cyrl', 'zxx'].map(languageName)).toEqual([
      'Japanese',
      'Serbian (Cyrillic)',
      'No linguistic content',
    ]);
    expect(languageName('not a tag')).toBe('not a tag');
  });
});
