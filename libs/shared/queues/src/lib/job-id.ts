import { createHash } from 'node:crypto';

/** One part of what caused a job: an id, a period, a version… */
export type CausePart = string | number | boolean | Date;

function normalise(part: CausePart, index: number): string | number | boolean {
  if (part instanceof Date) {
    if (Number.isNaN(part.getTime())) throw new Error(`jobIdFrom: cause part ${index} is an invalid date`);
    return part.toISOString();
  }
  if (typeof part === 'number' && !Number.isFinite(part))
    throw new Error(`jobIdFrom: cause part ${index} is not a finite number`);
  return part;
}

/**
 * A deterministic job id from what caused the job, e.g. `jobIdFrom('statement', payeeId, '2026-10')`.
 * BullMQ ignores a second `add` with an id it already holds, so the same cause never runs twice.
 * The id is a hash: the same parts always give the same id, different parts (or the same parts
 * in another order, or `1` versus `'1'`) give different ones; it never contains ':'.
 */
export function jobIdFrom(...causeParts: readonly CausePart[]): string {
  if (causeParts.length === 0) throw new Error('jobIdFrom needs at least one part of the cause');
  const canonical = JSON.stringify(causeParts.map(normalise));
  return `c-${createHash('sha256').update(canonical).digest('hex').slice(0, 40)}`;
}
