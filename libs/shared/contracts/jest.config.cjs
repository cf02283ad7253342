module.exports = require('../../../tools/jest/node.preset.cjs')('shared-contracts', __dirname);
