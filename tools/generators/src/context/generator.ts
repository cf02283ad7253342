import {
  addProjectConfiguration,
  formatFiles,
  joinPathFragments,
  names,
  offsetFromRoot,
  updateJson,
  type Tree,
} from '@nx/devkit';

/** Options of `nx g @bandstand/tools:context`. */
export interface ContextGeneratorSchema {
  name: string;
  owns?: string;
  skipFormat?: boolean;
}

type Layer = 'contracts' | 'domain' | 'server' | 'web';

const LAYERS: Record<Layer, { platform: 'isomorphic' | 'node' | 'web'; summary: string }> = {
  contracts: {
    platform: 'isomorphic',
    summary: 'integration events and API types other contexts and the consoles may use',
  },
  domain: {
    platform: 'isomorphic',
    summary: 'pure deciders, value objects and errors; no framework imports',
  },
  server: {
    platform: 'node',
    summary: 'the Nest module: application (commands, queries, processors), infrastructure, http',
  },
  web: { platform: 'web', summary: 'Angular data access and pages of this context, per console' },
};

const RESERVED = new Set(['shared', 'app', 'apps', 'libs', 'tools']);

/** Scaffolds a bounded context so that every context starts with the same layout, tags and tests. */
export async function contextGenerator(tree: Tree, options: ContextGeneratorSchema): Promise<void> {
  const context = normaliseName(options.name);
  if (tree.exists(joinPathFragments('libs', context))) {
    throw new Error(`The context "${context}" exists already (libs/${context}).`);
  }
  const n = names(context);
  const vars: TemplateVars = {
    context,
    className: n.className,
    constantName: n.constantName,
    propertyName: n.propertyName,
    owns: options.owns?.trim() ?? '',
  };

  for (const layer of Object.keys(LAYERS) as Layer[]) {
    addLayer(tree, vars, layer);
  }
  writeDocsPage(tree, vars);

  if (!options.skipFormat) await formatFiles(tree);
}

export default contextGenerator;

interface TemplateVars {
  context: string;
  className: string;
  constantName: string;
  propertyName: string;
  owns: string;
}

function normaliseName(raw: string): string {
  const name = raw.trim();
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    throw new Error(
      `Context name "${raw}" must be kebab-case: lower-case letters and digits separated by dashes.`,
    );
  }
  if (RESERVED.has(name)) throw new Error(`"${name}" is reserved and cannot name a context.`);
  return name;
}

function addLayer(tree: Tree, vars: TemplateVars, layer: Layer): void {
  const root = joinPathFragments('libs', vars.context, layer);
  const up = offsetFromRoot(root);
  const { platform } = LAYERS[layer];
  const project = `${vars.context}-${layer}`;

  addProjectConfiguration(tree, project, {
    root,
    sourceRoot: `${root}/src`,
    projectType: 'library',
    tags: [`scope:${vars.context}`, `type:${layer}`, `platform:${platform}`],
    targets: {
      typecheck: {
        executor: 'nx:run-commands',
        options: {
          command: `tsc -p ${root}/tsconfig.lib.json --noEmit && tsc -p ${root}/tsconfig.spec.json --noEmit`,
        },
      },
      // jest-preset-angular compiles Angular's .mjs to CommonJS itself; --experimental-vm-modules
      // (nx.json's default for Node projects) would make Jest load them as ESM again.
      ...(layer === 'web'
        ? { test: { options: { env: { NODE_OPTIONS: '--disable-warning=ExperimentalWarning' } } } }
        : {}),
    },
  });

  updateJson(
    tree,
    'tsconfig.base.json',
    (json: { compilerOptions: { paths?: Record<string, string[]> } }) => {
      const paths = { ...(json.compilerOptions.paths ?? {}) };
      paths[`@bandstand/${vars.context}/${layer}`] = [`./${root}/src/index.ts`];
      json.compilerOptions.paths = Object.fromEntries(
        Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)),
      );
      return json;
    },
  );

  const libTypes = platform === 'node' ? ['node'] : [];
  const lib = platform === 'isomorphic' ? ['es2023'] : platform === 'node' ? ['es2023'] : ['es2023', 'dom'];
  tree.write(
    `${root}/tsconfig.json`,
    json({
      extends: `${up}tsconfig.base.json`,
      ...(layer === 'web'
        ? { angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true } }
        : {}),
      files: [],
      include: [],
      references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.spec.json' }],
    }),
  );
  tree.write(
    `${root}/tsconfig.lib.json`,
    json({
      extends: './tsconfig.json',
      compilerOptions: { outDir: `${up}dist/out-tsc`, types: libTypes, lib },
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.spec.ts', 'src/test-setup.ts'],
    }),
  );
  tree.write(
    `${root}/tsconfig.spec.json`,
    json({
      extends: './tsconfig.json',
      compilerOptions: { outDir: `${up}dist/out-tsc`, types: ['jest', 'node'], lib: ['es2023', 'dom'] },
      include: ['src/**/*.ts'],
    }),
  );
  const preset = layer === 'web' ? 'angular' : 'node';
  // Contracts and web start with nothing to test; their first real code brings its tests.
  const jestConfig =
    layer === 'contracts' || layer === 'web'
      ? `module.exports = {\n  ...require('${up}tools/jest/${preset}.preset.cjs')('${project}', __dirname),\n  passWithNoTests: true,\n};\n`
      : `module.exports = require('${up}tools/jest/${preset}.preset.cjs')('${project}', __dirname);\n`;
  tree.write(`${root}/jest.config.cjs`, jestConfig);
  tree.write(`${root}/eslint.config.mjs`, layer === 'web' ? angularEslintConfig(up) : nodeEslintConfig(up));

  for (const [path, content] of Object.entries(layerSources(vars, layer))) {
    tree.write(`${root}/${path}`, content);
  }
}

function layerSources(v: TemplateVars, layer: Layer): Record<string, string> {
  switch (layer) {
    case 'contracts':
      return {
        'src/index.ts': `export * from './lib/${v.context}.contracts';\n`,
        [`src/lib/${v.context}.contracts.ts`]: [
          `/** Name of the ${v.context} bounded context, as written in event metadata and project tags. */`,
          `export const ${v.constantName}_CONTEXT = '${v.context}' as const;`,
          '',
          `/** Every error code of this context starts with its prefix: \`${v.constantName}.SOMETHING_WRONG\`. */`,
          `export type ${v.className}ErrorCode = \`${v.constantName}.\${Uppercase<string>}\`;`,
          '',
        ].join('\n'),
      };
    case 'domain':
      return {
        'src/index.ts': `export * from './lib/${v.context}.error';\n`,
        [`src/lib/${v.context}.error.ts`]: [
          "import { DomainError, type DomainErrorOptions } from '@bandstand/shared/contracts';",
          `import { type ${v.className}ErrorCode } from '@bandstand/${v.context}/contracts';`,
          '',
          `/** A rule of the ${v.context} domain was broken; the api answers with its \`code\` and \`status\` as problem+json. */`,
          `export class ${v.className}Error extends DomainError {`,
          `  constructor(code: ${v.className}ErrorCode, message: string, options?: DomainErrorOptions) {`,
          '    super(code, message, options);',
          '  }',
          '}',
          '',
        ].join('\n'),
        [`src/lib/${v.context}.error.spec.ts`]: [
          "import { DomainError } from '@bandstand/shared/contracts';",
          `import { ${v.className}Error } from './${v.context}.error';`,
          '',
          `describe('${v.className}Error', () => {`,
          `  it('is a DomainError, so the api maps it to problem+json with its code, status and field', () => {`,
          `    const error = new ${v.className}Error('${v.constantName}.EXAMPLE', 'Example rule broken', { status: 409, field: 'example' });`,
          '    expect(error).toBeInstanceOf(DomainError);',
          `    expect(error).toMatchObject({ code: '${v.constantName}.EXAMPLE', status: 409, field: 'example', name: '${v.className}Error' });`,
          '  });',
          '});',
          '',
        ].join('\n'),
      };
    case 'server':
      return {
        'src/index.ts': [
          `export * from './lib/${v.context}.module';`,
          `export * from './lib/infrastructure/${v.context}.persistence';`,
          '',
        ].join('\n'),
        [`src/lib/${v.context}.module.ts`]: [
          "import { Module } from '@nestjs/common';",
          '',
          `/** The ${v.context} context's Nest module: import it in apps/api and apps/worker. */`,
          '@Module({})',
          `export class ${v.className}Module {}`,
          '',
        ].join('\n'),
        [`src/lib/infrastructure/${v.context}.persistence.ts`]: [
          "import { type ContextPersistence } from '@bandstand/shared/persistence';",
          '',
          `/** Entities and migrations of the ${v.context} schema, in migration order. */`,
          `export const ${v.propertyName}Persistence: ContextPersistence = {`,
          `  context: '${v.context}',`,
          `  schema: '${v.context.replace(/-/g, '_')}',`,
          '  entities: [],',
          '  migrations: [],',
          '};',
          '',
        ].join('\n'),
        [`src/lib/${v.context}.module.spec.ts`]: [
          "import { Test } from '@nestjs/testing';",
          `import { ${v.className}Module } from './${v.context}.module';`,
          `import { ${v.propertyName}Persistence } from './infrastructure/${v.context}.persistence';`,
          '',
          `describe('${v.className}Module', () => {`,
          `  it('compiles as a Nest module', async () => {`,
          `    const moduleRef = await Test.createTestingModule({ imports: [${v.className}Module] }).compile();`,
          `    expect(moduleRef.get(${v.className}Module)).toBeInstanceOf(${v.className}Module);`,
          '  });',
          '',
          `  it('owns a schema named after the context', () => {`,
          `    expect(${v.propertyName}Persistence.schema).toBe('${v.context.replace(/-/g, '_')}');`,
          '  });',
          '});',
          '',
        ].join('\n'),
      };
    case 'web':
      return {
        'src/index.ts': `export * from './lib/${v.context}.routes';\n`,
        'src/test-setup.ts': [
          "import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';",
          '',
          'setupZonelessTestEnv();',
          '',
        ].join('\n'),
        [`src/lib/${v.context}.routes.ts`]: [
          "import { type Routes } from '@angular/router';",
          '',
          `/** Pages of the ${v.context} context, mounted by each console under its own path. */`,
          `export const ${v.propertyName}Routes: Routes = [];`,
          '',
        ].join('\n'),
      };
  }
}

function writeDocsPage(tree: Tree, v: TemplateVars): void {
  const path = `docs/contexts/${v.context}.md`;
  if (tree.exists(path)) return;
  const layers = (Object.keys(LAYERS) as Layer[])
    .map(
      (layer) =>
        `| \`@bandstand/${v.context}/${layer}\` | \`libs/${v.context}/${layer}\` | ${LAYERS[layer].summary} |`,
    )
    .join('\n');
  tree.write(
    path,
    [
      `# ${v.className} context`,
      '',
      v.owns ? `Owns: ${v.owns}.` : 'Owns: (write one sentence, as in ARCHITECTURE.md §2).',
      '',
      '## Libraries',
      '',
      '| import | folder | holds |',
      '| --- | --- | --- |',
      layers,
      '',
      `Database schema: \`${v.context.replace(/-/g, '_')}\`. Register \`${v.propertyName}Persistence\` in apps/worker/src/app/contexts.ts`,
      'and import the module in apps/api and apps/worker.',
      '',
      '## Commands',
      '',
      '| command | decided by | events | errors |',
      '| --- | --- | --- | --- |',
      '',
      '## Events',
      '',
      '| event | schema version | published as integration event |',
      '| --- | --- | --- |',
      '',
      '## Read models',
      '',
      '| read model | projection | inline or async |',
      '| --- | --- | --- |',
      '',
      '## Flows',
      '',
    ].join('\n'),
  );
}

function nodeEslintConfig(up: string): string {
  return `import baseConfig from '${up}eslint.config.mjs';\n\nexport default [...baseConfig];\n`;
}

function angularEslintConfig(up: string): string {
  return [
    `import baseConfig from '${up}eslint.config.mjs';`,
    `import { angularConfig } from '${up}tools/lint/angular.mjs';`,
    '',
    "export default [...baseConfig, ...angularConfig('bs')];",
    '',
  ].join('\n');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
