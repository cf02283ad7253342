module.exports = require('../../../tools/jest/node.preset.cjs')('shared-testing', __dirname);
