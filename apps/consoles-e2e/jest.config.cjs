// Browser journeys through the three consoles, served by the built api on a migrated database.
const preset = require('../../tools/jest/node.preset.cjs')('consoles-e2e', __dirname);

module.exports = { ...preset, testMatch: ['<rootDir>/src/**/*.spec.ts'], testTimeout: 120_000 };
