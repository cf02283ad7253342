import { type SeedContributor } from './seed-contributor';
import { orderContributors, SeedOrderError } from './seed-order';

function contributor(context: string, after?: string[]): SeedContributor {
  return { context, ...(after ? { after } : {}), run: () => Promise.resolve({ created: {} }) };
}

const contexts = (list: readonly SeedContributor[]): string[] => list.map((c) => c.context);

describe('orderContributors', () => {
  it('runs each contributor after the ones it names, keeping the given order otherwise', () => {
    const ordered = orderContributors([
      contributor('commerce', ['catalog', 'identity']),
      contributor('identity'),
      contributor('rewards', ['commerce']),
      contributor('catalog', ['identity']),
      contributor('analytics'),
    ]);
    expect(contexts(ordered)).toEqual(['identity', 'catalog', 'commerce', 'rewards', 'analytics']);
  });

  it('leaves an order without dependencies as it is', () => {
    expect(contexts(orderContributors([contributor('b'), contributor('a'), contributor('c')]))).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('rejects a cycle and names it', () => {
    const run = (): SeedContributor[] =>
      orderContributors([
        contributor('identity'),
        contributor('a', ['c']),
        contributor('b', ['a']),
        contributor('c', ['b']),
      ]);
    expect(run).toThrow(SeedOrderError);
    expect(run).toThrow('Seed contributors wait for each other in a cycle: a → c → b → a');
    expect(() => orderContributors([contributor('self', ['self'])])).toThrow('cycle: self → self');
  });

  it('rejects a dependency on a context nobody seeds', () => {
    expect(() => orderContributors([contributor('commerce', ['catalog'])])).toThrow(
      'Seed contributor "commerce" runs after "catalog", but no contributor is registered for "catalog"',
    );
  });

  it('rejects two contributors for one context', () => {
    expect(() => orderContributors([contributor('catalog'), contributor('catalog')])).toThrow(
      'Two seed contributors are registered for context "catalog"',
    );
  });
});
