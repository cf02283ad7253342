module.exports = require('../../../tools/jest/node.preset.cjs')('shared-persistence', __dirname);
