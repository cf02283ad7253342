/** Where a background job stands. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** How far a job is, as the job reports it: `done` of `total` units, optionally in a named stage. */
export interface JobProgress {
  readonly done: number;
  readonly total: number;
  readonly stage?: string;
}

/** Whole percent (0–100) of a progress, for bars; a job with nothing to do is complete. */
export function progressPercent(progress: JobProgress): number {
  if (progress.total === 0) return 100;
  return Math.floor((progress.done * 100) / progress.total);
}
