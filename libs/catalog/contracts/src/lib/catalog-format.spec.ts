import { formatIsni, formatIsrc, formatIswc, localizedTextFor } from './catalog-format';

describe('identifier formatting', () => {
  it('writes normalised identifiers the way people read them', () => {
    expect(formatIsrc('USRC17607839')).toBe('US-RC1-76-07839');
    expect(formatIswc('T0345246801')).toBe('T-034.524.680-1');
    expect(formatIsni('000000012103268X')).toBe('0000 0001 2103 268X');
  });

  it('leaves anything that is not normalised as it is', () => {
    expect(formatIsrc('US-RC1-76-07839')).toBe('US-RC1-76-07839');
    expect(formatIswc('T-034.524.680-1')).toBe('T-034.524.680-1');
    expect(formatIsni('0000 0001')).toBe('0000 0001');
  });
});

describe('localizedTextFor', () => {
  const title = {
    text: '夜明け',
    language: 'ja',
    translations: [
      { language: 'ja-Latn', text: 'Yoake' },
      { language: 'en', text: 'Daybreak' },
    ],
  };

  it('prefers an exact language, then the same base language, then the original', () => {
    expect(localizedTextFor(title, ['en-GB', 'en'])).toBe('Daybreak');
    expect(localizedTextFor(title, ['ja-Latn'])).toBe('Yoake');
    expect(localizedTextFor(title, ['en-GB'])).toBe('Daybreak');
    expect(localizedTextFor(title, ['fr'])).toBe('夜明け');
    expect(localizedTextFor(title, ['ja'])).toBe('夜明け');
  });
});
