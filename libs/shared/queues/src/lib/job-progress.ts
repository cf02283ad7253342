import { type JobProgress } from '@bandstand/shared/contracts';
import { type Job } from 'bullmq';

// The shape lives in the contracts so that the consoles read what the jobs report.
export { type JobProgress, progressPercent } from '@bandstand/shared/contracts';

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Validates and normalises a progress report: whole numbers, `done` never above `total`. */
export function jobProgress(done: number, total: number, stage?: string): JobProgress {
  if (!isNonNegativeInteger(done) || !isNonNegativeInteger(total)) {
    throw new Error(`Job progress needs whole numbers of at least 0, got done=${done} total=${total}`);
  }
  if (done > total) throw new Error(`Job progress cannot be past its total (done=${done} > total=${total})`);
  return stage === undefined ? { done, total } : { done, total, stage };
}

/** Reports progress on a running job; readers see it through {@link readJobProgress}. */
export async function reportProgress(
  job: Pick<Job, 'updateProgress'>,
  done: number,
  total: number,
  stage?: string,
): Promise<void> {
  await job.updateProgress({ ...jobProgress(done, total, stage) });
}

/** A job's progress if it was reported with {@link reportProgress}; undefined otherwise. */
export function readJobProgress(job: Pick<Job, 'progress'>): JobProgress | undefined {
  const value: unknown = job.progress;
  if (typeof value !== 'object' || value === null) return undefined;
  const { done, total, stage } = value as Record<string, unknown>;
  if (!isNonNegativeInteger(done) || !isNonNegativeInteger(total) || done > total) return undefined;
  return typeof stage === 'string' ? { done, total, stage } : { done, total };
}
