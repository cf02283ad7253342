// Bundles the benchmarks into dist/tools/bench/main.js with the Node apps' setup
// (tools/webpack/node-app.cjs), which would otherwise write under dist/apps.
const { join } = require('node:path');
const { nodeAppConfig, workspaceRoot } = require('../webpack/node-app.cjs');

const config = nodeAppConfig({ app: 'bench' });

module.exports = {
  ...config,
  output: { ...config.output, path: join(workspaceRoot, 'dist', 'tools', 'bench') },
};
