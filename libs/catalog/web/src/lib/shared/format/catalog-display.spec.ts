import {
  describeActor,
  describeValue,
  formatDuration,
  fromLocalInput,
  parseCodes,
  parseDuration,
  releaseTypeLabel,
  tidyIdentifier,
  toLocalInput,
} from './catalog-display';

describe('catalog display helpers', () => {
  it('writes and reads durations as m:ss', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(215_000)).toBe('3:35');
    expect(formatDuration(59_600)).toBe('1:00');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(parseDuration('')).toBeNull();
    expect(parseDuration('3:35')).toBe(215_000);
    expect(parseDuration('1:02:05')).toBe(3_725_000);
    expect(parseDuration('95')).toBe(95_000);
    expect(parseDuration('3:35.5')).toBe(215_500);
    expect(parseDuration('3:75')).toBeUndefined();
    expect(parseDuration('four')).toBeUndefined();
  });

  it('names release types as people write them', () => {
    expect(releaseTypeLabel('ep')).toBe('EP');
    expect(releaseTypeLabel('compilation')).toBe('Compilation');
  });

  it('tidies identifiers as typed into their written form', () => {
    expect(tidyIdentifier('isrc', 'usrc1 76-07839')).toBe('US-RC1-76-07839');
    expect(tidyIdentifier('iswc', 't-034.524.680-1')).toBe('T-034.524.680-1');
    expect(tidyIdentifier('isni', '000000012103268x')).toBe('0000 0001 2103 268X');
    expect(tidyIdentifier('upc', '0-36000-29145-2')).toBe('0 36000 29145 2');
    expect(tidyIdentifier('isrc', 'not one')).toBe('NOTONE');
    expect(tidyIdentifier('upc', '  ')).toBe('');
  });

  it('sends a local date and time with the offset of its own day', () => {
    const sent = fromLocalInput('2026-07-01T09:30');
    expect(sent).toMatch(/^2026-07-01T09:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(sent ?? '').getTime()).toBe(new Date(2026, 6, 1, 9, 30).getTime());
    const winter = fromLocalInput('2026-12-04T00:00');
    expect(new Date(winter ?? '').getTime()).toBe(new Date(2026, 11, 4, 0, 0).getTime());
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(toLocalInput(new Date(2026, 11, 4, 0, 5).toISOString())).toBe('2026-12-04T00:05');
    expect(toLocalInput(new Date(2026, 11, 4, 0, 5, 30).toISOString())).toBe('2026-12-04T00:05:30');
    expect(fromLocalInput('2026-12-04T00:05:30')).toMatch(/^2026-12-04T00:05:30[+-]/);
    expect(toLocalInput('nonsense')).toBe('');
  });

  it('reads lists of codes and describes values and actors', () => {
    expect(parseCodes('de, AT;ch  de')).toEqual(['DE', 'AT', 'CH']);
    expect(parseCodes('en, ja-Latn', false)).toEqual(['en', 'ja-Latn']);
    expect(describeValue(null)).toBe('—');
    expect(describeValue('')).toBe('""');
    expect(describeValue(3)).toBe('3');
    expect(describeValue({ year: 2026 })).toBe('{"year":2026}');
    expect(describeActor('user:u-1', { 'u-1': 'Ana Lima' })).toBe('Ana Lima');
    expect(describeActor('user:u-2')).toBe('user u-2');
    expect(describeActor('job:catalog.release-due')).toBe('scheduled job (catalog.release-due)');
  });
});
