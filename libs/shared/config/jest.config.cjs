module.exports = require('../../../tools/jest/node.preset.cjs')('shared-config', __dirname);
