import { formatIsni, formatIsrc, formatIswc, formatUpc, localizedTextFor } from './catalog-format';

describe('identifier formatting', () => {
  it('writes normalised identifiers the way people read them', () => {
    expect(formatIsrc('USRC17607839')).toBe('US-RC1-76-07839');
    expect(formatIswc('T0345246801')).toBe('T-034.524.680-1');
    expect(formatIsni('000000012103268X')).toBe('0000 0001 2103 268X');
  });

  it('groups a UPC-A and an EAN-13 as printed under their bar codes', () => {
    expect(formatUpc('036000291452')).toBe('0 36000 29145 2');
    expect(formatUpc('012345678905')).toBe('0 12345 67890 5');
    expect(formatUpc('5012345678900')).toBe('5 012345 678900');
  });

  it('leaves anything that is not normalised as it is', () => {
    expect(formatIsrc('US-RC1-76-07839')).toBe('US-RC1-76-07839');
    expect(formatIswc('T-034.524.680-1')).toBe('T-034.524.680-1');
    expect(formatIsni('0000 0001')).toBe('0000 0001');
    expect(formatUpc('0 36000 29145 2')).toBe('0 36000 29145 2');
    expect(formatUpc('12345')).toBe('12345');
    expect(formatUpc('03600029145X')).toBe('03600029145X');
    expect(formatUpc('50123456789001')).toBe('50123456789001');
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
