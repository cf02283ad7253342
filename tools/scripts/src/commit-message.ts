// The commit-message convention (CONTRIBUTING in README.md): `type(scope): summary`, as in
// `feat(royalties): split sheets effective from a date`. Run by tools/git-hooks/commit-msg.
import { readFileSync } from 'node:fs';

/** Commit types, as in Conventional Commits. */
export const COMMIT_TYPES = [
  'feat',
  'fix',
  'perf',
  'refactor',
  'docs',
  'test',
  'build',
  'ci',
  'chore',
  'revert',
] as const;

const HEADER = /^(?<type>[a-z]+)\((?<scope>[a-z0-9]+(?:-[a-z0-9]+)*)\)(?<breaking>!)?: (?<summary>\S.*)$/;

/** Returns what is wrong with a commit message, or an empty list when it follows the convention. */
export function commitMessageProblems(message: string): string[] {
  const lines = message.split('\n').filter((line) => !line.startsWith('#'));
  const header = (lines[0] ?? '').trimEnd();
  if (/^(Merge|Revert) /.test(header) || /^(fixup|squash)! /.test(header)) return [];
  const match = HEADER.exec(header);
  if (!match?.groups) {
    return [
      'The first line must read `type(scope): summary`, e.g. `feat(royalties): split sheets effective from a date`.',
    ];
  }
  const problems: string[] = [];
  const { type = '', summary = '' } = match.groups;
  if (!(COMMIT_TYPES as readonly string[]).includes(type))
    problems.push(`Unknown type "${type}": use one of ${COMMIT_TYPES.join(', ')}.`);
  if (header.length > 100) problems.push(`The first line has ${header.length} characters; keep it to 100.`);
  if (summary.endsWith('.')) problems.push('The summary does not end with a full stop.');
  if ((lines[1] ?? '').trim() !== '')
    problems.push('Leave the second line empty; the body starts on the third.');
  return problems;
}

if (process.argv[1]?.endsWith('commit-message.ts') && process.argv[2]) {
  const problems = commitMessageProblems(readFileSync(process.argv[2], 'utf8'));
  if (problems.length > 0) {
    process.stderr.write(`Commit message rejected:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
}
