import {
  identifierCandidates,
  normaliseSearchText,
  parseSearchQuery,
  searchDocument,
  searchWords,
  vocabularyOf,
} from './search-text';

describe('search text', () => {
  it.each([
    ['Café Crème', 'cafe creme'],
    ['CAFÉ', 'cafe'],
    ['Björk — Jóga!', 'bjork joga'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ["Don't Stop", 'dont stop'],
    ['Don’t Stop', 'dont stop'],
    ['ＡＢＣ　ｄｅｆ', 'abc def'],
    ['Ночной Дозор', 'ночной дозор'],
    ['Ёлка Йога', 'елка йога'],
    ['Καλημέρα Κόσμε', 'καλημερα κοσμε'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['مَرْحَبًا', 'مرحبا'],
    ['がぎぐ', 'がぎぐ'],
    ['ｶﾞｷﾞ', 'ガギ'],
    ['नमस्ते', 'नमस्ते'],
    ['  rock & roll  ', 'rock roll'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normaliseSearchText(input)).toBe(expected);
  });

  it('splits Chinese and Japanese runs into bigrams and leaves other words whole', () => {
    expect(searchWords('夜明けのうた')).toEqual(['夜明', '明け', 'けの', 'のう', 'うた']);
    expect(searchWords('夜')).toEqual(['夜']);
    expect(searchWords('東京2020 live')).toEqual(['東京', '2020', 'live']);
    expect(searchWords('ラーメン')).toEqual(['ラー', 'ーメ', 'メン']);
    expect(searchWords('morning light')).toEqual(['morning', 'light']);
  });

  it('builds a document of every rendering, once each, padded with spaces', () => {
    expect(searchDocument(['Yoake no Uta', '夜明けのうた', 'yoake no uta', null, 'Aurora'])).toBe(
      ' yoake no uta 夜明 明け けの のう うた aurora ',
    );
  });

  it('keeps words of 3 to 40 characters that are not numbers in the vocabulary', () => {
    expect(vocabularyOf([' morning light of 2020 ', ' light 夜明 ', ` ${'x'.repeat(41)} `])).toEqual([
      'light',
      'morning',
    ]);
  });

  it.each([
    ['US-RC1-76-07839', ['USRC17607839']],
    ['usrc17607839', ['USRC17607839']],
    ['T-034.524.680-1', ['T0345246801']],
    ['0000 0001 2103 2683', ['0000000121032683']],
    ['0000 0001 2103 268X', ['000000012103268X']],
    ['036000291452', ['036000291452', '0036000291452']],
    ['0036000291452', ['0036000291452', '036000291452']],
    ['4006381333931', ['4006381333931']],
    ['Morning Light', []],
    ['12345', []],
  ])('reads %j as the identifiers %j', (query, expected) => {
    expect(identifierCandidates(query)).toEqual(expected);
  });

  it('parses a query into words, a phrase and the words worth correcting', () => {
    expect(parseSearchQuery('Mornign Light of 2020')).toEqual({
      normalised: 'mornign light of 2020',
      words: ['mornign', 'light', 'of', '2020'],
      phrase: 'mornign light of 2020',
      correctable: ['mornign', 'light'],
      identifiers: [],
    });
    expect(parseSearchQuery('のうた').phrase).toBe('のう うた');
  });
});
