module.exports = require('../../../tools/jest/node.preset.cjs')('shared-access', __dirname);
