// The dependency rules of STYLE.md, as @nx/enforce-module-boundaries constraints. Contexts are
// read from the folders under libs/ so that a context made by the generator is covered at once.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Every bounded context: each folder under libs/ except shared. */
export function contexts(workspaceRoot = process.cwd()) {
  const libs = join(workspaceRoot, 'libs');
  if (!existsSync(libs)) return [];
  return readdirSync(libs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
    .map((entry) => entry.name)
    .sort();
}

/** The depConstraints: type, platform and scope rules, all of which must hold for an import. */
export function dependencyConstraints(workspaceRoot = process.cwd()) {
  return [
    // type: what kind of project may import what kind
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:server', 'type:web', 'type:util'],
    },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
    {
      sourceTag: 'type:server',
      onlyDependOnLibsWithTags: ['type:server', 'type:domain', 'type:contracts', 'type:util'],
    },
    { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:web', 'type:contracts', 'type:util'] },
    { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'] },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
    // platform: browser code never reaches Node code, isomorphic code reaches neither
    { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:isomorphic'] },
    { sourceTag: 'platform:isomorphic', onlyDependOnLibsWithTags: ['platform:isomorphic'] },
    { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:node', 'platform:isomorphic'] },
    // scope: shared code knows no context; a context reaches another only through its contracts
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    ...contexts(workspaceRoot).map((context) => ({
      sourceTag: `scope:${context}`,
      onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared', 'type:contracts'],
    })),
    { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
  ];
}
