module.exports = require('../../../tools/jest/node.preset.cjs')('shared-domain', __dirname);
