// Bundles the api into dist/apps/api/main.js (tools/webpack/node-app.cjs).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { DefinePlugin } = require('webpack');
const { nodeAppConfig, workspaceRoot } = require('../../tools/webpack/node-app.cjs');

const { version } = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8'));

module.exports = nodeAppConfig({
  app: 'api',
  // The release version, for GET /api/v1/meta (see src/app/build-info.ts)
  plugins: [new DefinePlugin({ BANDSTAND_VERSION: JSON.stringify(version) })],
});
