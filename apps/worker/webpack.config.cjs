// Bundles the worker into dist/apps/worker/main.js (tools/webpack/node-app.cjs).
const { nodeAppConfig } = require('../../tools/webpack/node-app.cjs');

module.exports = nodeAppConfig({ app: 'worker' });
