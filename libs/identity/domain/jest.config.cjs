module.exports = require('../../../tools/jest/node.preset.cjs')('identity-domain', __dirname);
