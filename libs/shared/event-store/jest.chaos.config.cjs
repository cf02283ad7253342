// Tests that restart PostgreSQL or Redis: run by the `test-chaos` target, never alongside another task.
const preset = require('../../../tools/jest/node.preset.cjs')('shared-event-store-chaos', __dirname);

module.exports = { ...preset, testMatch: ['<rootDir>/src/chaos/**/*.chaos-test.ts'], testTimeout: 120_000 };
