import { type BenchOptions, type PointSpec } from './append-bench.types';

/**
 * Every measurement of a bench run, in the order they are made. The contenders take turns at each
 * point and the one that goes first rotates from point to point and run to run, so that a slow
 * minute of the machine (a checkpoint, another process) falls on all of them rather than on one.
 */
export function planRuns(options: BenchOptions): PointSpec[] {
  const specs: PointSpec[] = [];
  const contenders = options.contenders;
  for (let run = 1; run <= options.runs; run += 1) {
    // Shifted by the run too, so that at each point every contender goes first in some run.
    let turn = run - 1;
    for (const batch of options.batches) {
      for (const clients of options.clients) {
        for (let index = 0; index < contenders.length; index += 1) {
          const contender = contenders[(turn + index) % contenders.length];
          if (contender === undefined) continue;
          specs.push({
            contender,
            run,
            clients,
            batch,
            warmupMs: options.warmupMs,
            durationMs: options.durationMs,
          });
        }
        turn += 1;
      }
    }
  }
  return specs;
}
