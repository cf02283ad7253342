import { spliceMarkedSection } from '../report-section';
import { type PlanFigure } from './plans.scenarios';
import { type Latency, type SearchFigure } from './search.scenario';
import { QUERY_KINDS } from './search-workload';

/** The markers between which the catalog section of docs/benchmarks.md lives. */
export const CATALOG_SECTION_START = '<!-- bench:catalog:start -->';
export const CATALOG_SECTION_END = '<!-- bench:catalog:end -->';

/** Issue 5's search target: p95 of a search over 100,000 tracks. */
export const SEARCH_P95_TARGET_MS = 50;

/** Where and with what the figures were measured. */
export interface CatalogBenchEnvironment {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly postgres: string;
  readonly postgresSettings: string;
  readonly node: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  /** The 1-minute load average before each scenario: min, max. */
  readonly loadAverage: readonly [number, number];
}

/** A scenario's figures, or why it could not run. */
export type Outcome<T> =
  | { readonly ok: true; readonly figure: T }
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: null };

/** What the section is rendered from. */
export interface CatalogReport {
  readonly quick: boolean;
  readonly environment: CatalogBenchEnvironment;
  readonly search: Outcome<SearchFigure>;
  readonly ern: Outcome<PlanFigure>;
  readonly batch: Outcome<PlanFigure>;
}

const number = (value: number): string => Math.round(value).toLocaleString('en-US');
const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const seconds = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const ratio = (value: number): string => `${value < 10 ? value.toFixed(1) : number(value)}×`;
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function latencyCells(latency: Latency): string {
  return `${ms(latency.p50)} | ${ms(latency.p95)} | ${ms(latency.p99)}`;
}

function notMeasured(title: string, outcome: { ok: false; reason: string } | { ok: null }): string[] {
  return [
    title,
    '',
    outcome.ok === null ? 'Not measured in this run (`--only`).' : `Not measured: ${outcome.reason}`,
    '',
  ];
}

function searchLines(outcome: Outcome<SearchFigure>, quick: boolean): string[] {
  const title = `### Search${quick ? '' : ' over 100,000 tracks'}`;
  if (outcome.ok !== true) return notMeasured(title, outcome);
  const f = outcome.figure;
  return [
    title,
    '',
    `One label's catalog: ${number(f.releases)} releases, ${number(f.tracks)} tracks, 500 artists.`,
    'Titles in English (60 %, two in five with an invented word: names, coinages), accented Latin,',
    'Japanese, Russian, Greek and Arabic (each with its romanisation as a translation); valid UPCs,',
    'ISRCs, ISWCs (half the tracks) and ISNIs. Written through the command path: change plans of 250',
    `new releases each, previewed and applied (${seconds(f.loadSeconds)} s), then one \`ScheduleRelease\` per release,`,
    `which publishes it (${seconds(f.scheduleSeconds)} s); one release in twenty comes out next year, so fans must not find it.`,
    `The inline projection wrote ${number(f.entries)} search entries (both scopes); the vocabulary`,
    `projection then read the whole log as the worker would (${number(f.terms)} words), and \`vacuum analyze\``,
    'ran as autovacuum would after such a load. Then, at a moment after the release, `SearchQueries`',
    '(its transaction, the typo corrections when needed and the ranked steps) answered',
    `${number(f.queries)} queries one at a time, as many of each kind: identifiers as typed (hyphenated or`,
    'lower-case ISRCs, UPCs, formatted ISWCs), exact titles, titles with one typo in a word of 5+ letters',
    '(swapped, wrong or missing letter), title beginnings, and words or character runs of non-Latin',
    'titles in their script; 50 more warmed up first. "found" counts the queries whose intended release,',
    'track or artist (or one of the same title) was among the first 10 hits (in the public search, of',
    `those aimed at a visible release). Baseline: ${number(f.queries)} primary-key lookups of catalog.search_entries.`,
    '',
    '| search | p50 ms | p95 ms | p99 ms | p95 / baseline p95 | found |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| organisation (drafts) | ${latencyCells(f.org)} | ${ratio(f.org.p95 / f.baseline.p95)} | ${percent(f.orgFound)} |`,
    `| public (territory US, visible now) | ${latencyCells(f.public)} | ${ratio(f.public.p95 / f.baseline.p95)} | ${percent(f.publicFound)} |`,
    `| baseline: primary-key lookup | ${latencyCells(f.baseline)} | 1.0× | — |`,
    '',
    '| query kind | organisation p50 / p95 ms | public p50 / p95 ms |',
    '| --- | ---: | ---: |',
    ...QUERY_KINDS.map(
      (kind) =>
        `| ${kind} | ${ms(f.orgByKind[kind].p50)} / ${ms(f.orgByKind[kind].p95)} | ${ms(f.publicByKind[kind].p50)} / ${ms(f.publicByKind[kind].p95)} |`,
    ),
    '',
  ];
}

function planLines(
  title: string,
  outcome: Outcome<PlanFigure>,
  steps: { preview: string; apply: string; baseline: string },
): string[] {
  if (outcome.ok !== true) return notMeasured(title, outcome);
  const f = outcome.figure;
  const total = f.previewSeconds + f.applySeconds;
  return [
    title,
    '',
    `${number(f.releases)} releases, ${number(f.tracks)} tracks.`,
    '',
    '| step | seconds | ratio to baseline |',
    '| --- | ---: | ---: |',
    `| preview: ${steps.preview} | ${seconds(f.previewSeconds)} | ${ratio(f.previewSeconds / f.baselineSeconds)} |`,
    `| apply: ${steps.apply} | ${seconds(f.applySeconds)} | ${ratio(f.applySeconds / f.baselineSeconds)} |`,
    `| preview + apply | ${seconds(total)} | ${ratio(total / f.baselineSeconds)} |`,
    `| baseline: ${steps.baseline} | ${seconds(f.baselineSeconds)} | 1.0× |`,
    '',
  ];
}

function targetLines(search: Outcome<SearchFigure>, quick: boolean): string[] {
  if (search.ok !== true) return [];
  const worst = Math.max(search.figure.org.p95, search.figure.public.p95);
  const met = worst <= SEARCH_P95_TARGET_MS;
  return [
    '| target (issue 5) | measured | met |',
    '| --- | --- | --- |',
    `| search p95 ≤ ${SEARCH_P95_TARGET_MS} ms over 100,000 tracks | organisation ${ms(search.figure.org.p95)} ms, public ${ms(search.figure.public.p95)} ms${quick ? ' (quick: fewer tracks)' : ''} | ${quick ? '—' : met ? 'yes' : '**no**'} |`,
    '',
  ];
}

/** The catalog section of docs/benchmarks.md, markers included. */
export function renderCatalogSection(report: CatalogReport): string {
  const env = report.environment;
  const lines = [
    CATALOG_SECTION_START,
    `## Catalog: search, ERN import, batch edit (${env.date})`,
    '',
    ...(report.quick
      ? [
          '> Quick mode (a smoke test of the benchmark, not figures to compare): run it without `--quick`.',
          '',
        ]
      : []),
    `How measured: \`npm run bench:catalog\` on this machine (${env.cpus} cores, ${env.memoryGiB} GiB), Node ${env.node},`,
    `PostgreSQL ${env.postgres} (${env.postgresSettings}).`,
    'Each scenario runs on a fresh database migrated with the catalog schema, in a Nest application',
    "context holding the whole catalog module and the real kernel (the api's composition without HTTP),",
    'one call at a time; its baseline runs in the same scenario, on the same database.',
    `The 1-minute load average before the scenarios was ${env.loadAverage.map((value) => value.toFixed(1)).join(' to ')};`,
    'above about 1, other work was sharing the machine and the figures are worse than on a quiet one.',
    '',
    ...searchLines(report.search, report.quick),
    ...planLines(`### ERN import${report.quick ? '' : ' of 1,000 releases'}`, report.ern, {
      preview:
        '`CatalogImports` (ERN 4.3, one message per release: parse, match artists and UPCs, diff, store the plan)',
      apply:
        '`ChangePlans.apply` (a `CreateArtist` per new artist and a `CreateRelease` per release, with every inline projection, one transaction)',
      baseline: 'one multi-row `INSERT` into catalog.releases and one into catalog.release_tracks',
    }),
    ...planLines(`### Batch edit${report.quick ? '' : ' of 10,000 tracks'}`, report.batch, {
      preview:
        '`BatchEdits` (genre of every selected track: one item per release with its whole new draft and diff)',
      apply:
        '`ChangePlans.apply` (a `ReviseDraft` per release, with every inline projection, one transaction)',
      baseline: 'one `UPDATE catalog.release_tracks … where track_id = any(…)`',
    }),
    ...targetLines(report.search, report.quick),
    CATALOG_SECTION_END,
  ];
  return `${lines.join('\n').replace(/\n\n(?=<!-- bench:catalog:end -->)/, '\n')}\n`;
}

/** Replaces the section between the markers, or appends it when the document has none. */
export function spliceCatalogSection(document: string, section: string): string {
  return spliceMarkedSection(document, section, CATALOG_SECTION_START, CATALOG_SECTION_END);
}
