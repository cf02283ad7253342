// Jest for Node projects: SWC compiles TypeScript (with decorator metadata for Nest) to CommonJS;
// ESM-only packages (Nest 12, MikroORM 7) load natively through Jest's require(esm) support, which
// needs Node >= 24.9 and --experimental-vm-modules (set by the test target, see nx.json).
const { aliasMapper } = require('./paths.cjs');

/** @param {string} project @param {string} projectDir */
module.exports = function nodePreset(project, projectDir) {
  return {
    displayName: project,
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            target: 'es2023',
            keepClassNames: true,
          },
          module: { type: 'commonjs' },
          sourceMaps: 'inline',
        },
      ],
    },
    transformIgnorePatterns: ['/node_modules/'],
    moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
    moduleNameMapper: aliasMapper(),
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/tests/**/*.spec.ts'],
    reporters: ['default', [require.resolve('./results-reporter.cjs'), { project }]],
    testTimeout: 30_000,
  };
};
