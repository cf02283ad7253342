import { type IntegrityProblem, type IntegrityReport } from '@bandstand/shared/contracts';

const count = (value: number, word: string) =>
  `${value.toLocaleString('en-US')} ${word}${value === 1 ? '' : 's'}`;

/** Names an event, seal or stream as precisely as the problem allows. */
export function describeProblemSubject(problem: IntegrityProblem): string {
  const parts: string[] = [];
  if (problem.globalPosition !== undefined) parts.push(`global position ${problem.globalPosition}`);
  if (problem.streamId !== undefined) {
    parts.push(
      problem.streamVersion !== undefined
        ? `stream ${problem.streamId} version ${problem.streamVersion}`
        : `stream ${problem.streamId}`,
    );
  }
  if (problem.eventId !== undefined) parts.push(`event id ${problem.eventId}`);
  if (problem.sealNumber !== undefined) parts.push(`seal ${problem.sealNumber}`);
  return parts.length > 0 ? parts.join(', ') : 'the event store';
}

function problemLine(problem: IntegrityProblem): string {
  return `${problem.kind}: ${describeProblemSubject(problem)}\n    ${problem.detail}`;
}

/** The report as an auditor reads it at a terminal (`kernel:verify` without `--json`). */
export function formatIntegrityReport(report: IntegrityReport): string {
  const scope = `${count(report.checkedEvents, 'event')} in ${count(report.checkedStreams, 'stream')}, ${count(report.seals, 'seal')} (${count(report.unsealedEvents, 'event')} not sealed yet)`;
  const lines: string[] = [];
  if (report.intact) {
    lines.push(
      report.complete
        ? `Event store intact: checked ${scope}.`
        : `No problem found in the part checked (${scope}): the verification stopped at its event limit.`,
    );
  } else {
    lines.push(
      `Event store TAMPERED: ${count(report.problemCount, 'problem')} found, checking ${scope}${report.complete ? '' : ' before the event limit stopped it'}.`,
    );
    if (report.firstProblem)
      lines.push('', `First problem in commit order: ${problemLine(report.firstProblem)}`);
    const rest = report.problems.slice(1);
    if (rest.length > 0) {
      lines.push('', 'Then:');
      for (const problem of rest) lines.push(`  ${problemLine(problem)}`);
      const unlisted = report.problemCount - report.problems.length;
      if (unlisted > 0) lines.push(`  … and ${count(unlisted, 'more problem')}.`);
    }
  }
  if (report.latestSeal) {
    const seal = report.latestSeal;
    lines.push(
      '',
      `Latest seal: ${seal.sealNumber} (through global position ${seal.lastGlobalPosition}, ${seal.sealedAt}).`,
      `Record it elsewhere to prove later that the log was not truncated: --anchor ${seal.sealNumber}:${seal.chain}`,
    );
  }
  return lines.join('\n');
}
