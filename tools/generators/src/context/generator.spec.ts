import { readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { contextGenerator } from './generator';

describe('context generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
  });

  it('creates the four layers with the tags the lint rules read', async () => {
    await contextGenerator(tree, { name: 'live-events', skipFormat: true });
    const expected = {
      contracts: 'platform:isomorphic',
      domain: 'platform:isomorphic',
      server: 'platform:node',
      web: 'platform:web',
    } as const;
    for (const [layer, platform] of Object.entries(expected)) {
      const project = readProjectConfiguration(tree, `live-events-${layer}`);
      expect(project.root).toBe(`libs/live-events/${layer}`);
      expect(project.tags).toEqual(['scope:live-events', `type:${layer}`, platform]);
      expect(project.targets?.['typecheck']).toBeDefined();
      expect(tree.exists(`libs/live-events/${layer}/src/index.ts`)).toBe(true);
      expect(tree.exists(`libs/live-events/${layer}/jest.config.cjs`)).toBe(true);
      expect(tree.exists(`libs/live-events/${layer}/eslint.config.mjs`)).toBe(true);
    }
  });

  it('adds one path alias per layer, kept sorted', async () => {
    await contextGenerator(tree, { name: 'royalties', skipFormat: true });
    const paths = readJson<{ compilerOptions: { paths: Record<string, string[]> } }>(
      tree,
      'tsconfig.base.json',
    ).compilerOptions.paths;
    expect(paths['@bandstand/royalties/domain']).toEqual(['./libs/royalties/domain/src/index.ts']);
    expect(paths['@bandstand/royalties/web']).toEqual(['./libs/royalties/web/src/index.ts']);
    expect(Object.keys(paths)).toEqual([...Object.keys(paths)].sort((a, b) => a.localeCompare(b)));
  });

  it('names classes, constants and the schema after the context', async () => {
    await contextGenerator(tree, { name: 'live-events', skipFormat: true });
    expect(tree.read('libs/live-events/contracts/src/lib/live-events.contracts.ts', 'utf-8')).toContain(
      "export const LIVE_EVENTS_CONTEXT = 'live-events' as const;",
    );
    expect(tree.read('libs/live-events/domain/src/lib/live-events.error.ts', 'utf-8')).toContain(
      'export class LiveEventsError extends DomainError',
    );
    expect(
      tree.read('libs/live-events/server/src/lib/infrastructure/live-events.persistence.ts', 'utf-8'),
    ).toContain("schema: 'live_events'");
    expect(tree.read('libs/live-events/web/tsconfig.json', 'utf-8')).toContain('strictTemplates');
    expect(tree.read('libs/live-events/web/eslint.config.mjs', 'utf-8')).toContain("angularConfig('bs')");
    expect(readProjectConfiguration(tree, 'live-events-web').targets?.['test']?.options).toEqual({
      env: { NODE_OPTIONS: '--disable-warning=ExperimentalWarning' },
    });
    expect(readProjectConfiguration(tree, 'live-events-server').targets?.['test']).toBeUndefined();
    expect(tree.read('libs/live-events/web/jest.config.cjs', 'utf-8')).toContain('passWithNoTests: true');
    expect(tree.read('libs/live-events/domain/jest.config.cjs', 'utf-8')).not.toContain('passWithNoTests');
  });

  it('writes the docs page with what the context owns', async () => {
    await contextGenerator(tree, { name: 'rewards', owns: 'the credits ledger, raffles', skipFormat: true });
    const page = tree.read('docs/contexts/rewards.md', 'utf-8') ?? '';
    expect(page).toContain('# Rewards context');
    expect(page).toContain('Owns: the credits ledger, raffles.');
    expect(page).toContain('`@bandstand/rewards/server`');
  });

  it.each(['Royalties', 'royalties_', '9lives', 'a--b', ''])('rejects the name %p', async (name) => {
    await expect(contextGenerator(tree, { name, skipFormat: true })).rejects.toThrow(/kebab-case/);
  });

  it('rejects a reserved name and an existing context', async () => {
    await expect(contextGenerator(tree, { name: 'shared', skipFormat: true })).rejects.toThrow(/reserved/);
    await contextGenerator(tree, { name: 'catalog', skipFormat: true });
    await expect(contextGenerator(tree, { name: 'catalog', skipFormat: true })).rejects.toThrow(
      /exists already/,
    );
  });
});
