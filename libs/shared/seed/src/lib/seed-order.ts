import { type SeedContributor } from './seed-contributor';

/** Thrown when contributors cannot be put in an order (unknown, duplicate or circular `after`). */
export class SeedOrderError extends Error {
  readonly code = 'SEED.ORDER_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'SeedOrderError';
  }
}

function findCycle(pending: readonly SeedContributor[]): string[] {
  const byContext = new Map(pending.map((c) => [c.context, c]));
  const path: string[] = [];
  const onPath = new Set<string>();
  const done = new Set<string>();
  const visit = (context: string): string[] | undefined => {
    if (onPath.has(context)) return [...path.slice(path.indexOf(context)), context];
    if (done.has(context)) return undefined;
    onPath.add(context);
    path.push(context);
    for (const dependency of byContext.get(context)?.after ?? []) {
      if (!byContext.has(dependency)) continue;
      const cycle = visit(dependency);
      if (cycle) return cycle;
    }
    path.pop();
    onPath.delete(context);
    done.add(context);
    return undefined;
  };
  for (const contributor of pending) {
    const cycle = visit(contributor.context);
    if (cycle) return cycle;
  }
  return pending.map((c) => c.context);
}

/**
 * Orders contributors so that each runs after the contexts it names in `after`. Among
 * contributors free to run, the order of the list is kept, so the result is stable.
 */
export function orderContributors(contributors: readonly SeedContributor[]): SeedContributor[] {
  const known = new Set<string>();
  for (const contributor of contributors) {
    if (known.has(contributor.context)) {
      throw new SeedOrderError(`Two seed contributors are registered for context "${contributor.context}"`);
    }
    known.add(contributor.context);
  }
  for (const contributor of contributors) {
    for (const dependency of contributor.after ?? []) {
      if (!known.has(dependency)) {
        throw new SeedOrderError(
          `Seed contributor "${contributor.context}" runs after "${dependency}", but no contributor is registered for "${dependency}"`,
        );
      }
    }
  }
  const ordered: SeedContributor[] = [];
  const placed = new Set<string>();
  let pending = [...contributors];
  while (pending.length > 0) {
    const ready = pending.find((c) => (c.after ?? []).every((dependency) => placed.has(dependency)));
    if (ready === undefined) {
      throw new SeedOrderError(
        `Seed contributors wait for each other in a cycle: ${findCycle(pending).join(' → ')}`,
      );
    }
    ordered.push(ready);
    placed.add(ready.context);
    pending = pending.filter((c) => c !== ready);
  }
  return ordered;
}
