import { type Color, ScaleType } from '@swimlane/ngx-charts';

/**
 * Categorical colours of the Bandstand palette (brand violet, then the console accents and
 * further hues at similar lightness), readable on light and dark surfaces.
 */
export const BANDSTAND_SCHEME: Color = {
  name: 'bandstand',
  selectable: true,
  group: ScaleType.Ordinal,
  domain: ['#765ef5', '#0f8b7e', '#d6336c', '#c77800', '#3b82c4', '#9c5bb5', '#5f8a2a', '#b0563a'],
};

/**
 * Sequential classes for choropleths, light to dark (dark to light in dark mode): CSS custom
 * properties defined by the Bandstand theme, so they follow the page's colour scheme.
 */
export const SEQUENTIAL_CLASSES: readonly string[] = [
  'var(--bs-scale-1)',
  'var(--bs-scale-2)',
  'var(--bs-scale-3)',
  'var(--bs-scale-4)',
  'var(--bs-scale-5)',
];
