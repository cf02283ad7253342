module.exports = require('../../../tools/jest/node.preset.cjs')('shared-seed', __dirname);
