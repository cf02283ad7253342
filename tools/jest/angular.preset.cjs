// Jest for Angular projects: jest-preset-angular in zoneless mode, jsdom.
const { createCjsPreset } = require('jest-preset-angular/presets');
const { aliasMapper } = require('./paths.cjs');

/** @param {string} project @param {string} projectDir */
module.exports = function angularPreset(project, projectDir) {
  const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });
  return {
    ...preset,
    displayName: project,
    rootDir: projectDir,
    setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
    transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$|d3-|internmap|gradient-path)'],
    moduleNameMapper: { ...(preset.moduleNameMapper ?? {}), ...aliasMapper() },
    testMatch: ['<rootDir>/src/**/*.spec.ts'],
    reporters: ['default', [require.resolve('./results-reporter.cjs'), { project }]],
    testTimeout: 30_000,
  };
};
