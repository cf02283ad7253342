// Black-box tests of the built api (dist/apps/api/main.js): each file starts real processes.
const preset = require('../../tools/jest/node.preset.cjs')('api-e2e', __dirname);

module.exports = { ...preset, testMatch: ['<rootDir>/src/**/*.spec.ts'], testTimeout: 60_000 };
