import { categoryTable, hasContinuousX, seriesTable, toNgxSeries, toNgxSingle } from './chart-data';
import { type CategoryValue, type ChartSeries } from './chart-types';

const SERIES: readonly ChartSeries[] = [
  {
    name: 'Streams',
    points: [
      { x: new Date('2025-01-01T00:00:00Z'), y: 1200 },
      { x: new Date('2025-02-01T00:00:00Z'), y: 3400 },
    ],
  },
  { name: 'Downloads', points: [{ x: new Date('2025-01-01T00:00:00Z'), y: 12 }] },
];

const CATEGORIES: readonly CategoryValue[] = [
  { label: 'Streaming', value: 5400 },
  { label: 'Vinyl', value: 1200 },
];

const units = (value: number) => `${value} u`;

describe('chart data', () => {
  it('maps series to ngx-charts: one entry per series, x as name and y as value', () => {
    expect(toNgxSeries(SERIES)).toEqual([
      {
        name: 'Streams',
        series: [
          { name: new Date('2025-01-01T00:00:00Z'), value: 1200 },
          { name: new Date('2025-02-01T00:00:00Z'), value: 3400 },
        ],
      },
      { name: 'Downloads', series: [{ name: new Date('2025-01-01T00:00:00Z'), value: 12 }] },
    ]);
  });

  it('tables series in long format, dates as days and values formatted', () => {
    expect(seriesTable(SERIES, 'Month', 'Plays', units)).toEqual({
      columns: ['Series', 'Month', 'Plays'],
      rows: [
        ['Streams', '2025-01-01', '1200 u'],
        ['Streams', '2025-02-01', '3400 u'],
        ['Downloads', '2025-01-01', '12 u'],
      ],
    });
  });

  it('lets ngx-charts round the domain only when no x is a category', () => {
    expect(hasContinuousX(SERIES)).toBe(true);
    expect(hasContinuousX([{ name: 'Plays', points: [{ x: 3, y: 1 }] }])).toBe(true);
    expect(hasContinuousX([...SERIES, { name: 'Plays', points: [{ x: 'Mon', y: 1 }] }])).toBe(false);
  });

  it('maps categories to ngx-charts and tables them with formatted values', () => {
    expect(toNgxSingle(CATEGORIES)).toEqual([
      { name: 'Streaming', value: 5400 },
      { name: 'Vinyl', value: 1200 },
    ]);
    expect(categoryTable(CATEGORIES, 'Platform', 'Units', units)).toEqual({
      columns: ['Platform', 'Units'],
      rows: [
        ['Streaming', '5400 u'],
        ['Vinyl', '1200 u'],
      ],
    });
  });
});
