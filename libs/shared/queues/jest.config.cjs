module.exports = require('../../../tools/jest/node.preset.cjs')('shared-queues', __dirname);
