import { formatUptime } from '@bandstand/shared/web-ui';

const COUNT = new Intl.NumberFormat('en-GB');

/** "caught up", "350 ms", "42 s", "3 min 5 s", "2 h 10 min": how far behind a subscriber is. */
export function formatLag(seconds: number): string {
  if (seconds <= 0) return 'caught up';
  if (seconds < 1) return `${Math.max(1, Math.round(seconds * 1000))} ms`;
  return formatUptime(seconds);
}

/** "1,234", or "≥ 100,000" when the server stopped counting at its cap. */
export function formatCount(count: number, capped = false): string {
  return `${capped ? '≥ ' : ''}${COUNT.format(count)}`;
}

/** "in 12 s" or "3 min 5 s ago": a moment relative to another, both ISO strings. */
export function formatRelative(moment: string, now: string): string {
  const seconds = (Date.parse(moment) - Date.parse(now)) / 1000;
  if (Math.abs(seconds) < 1) return 'now';
  return seconds > 0 ? `in ${formatUptime(seconds)}` : `${formatUptime(-seconds)} ago`;
}
