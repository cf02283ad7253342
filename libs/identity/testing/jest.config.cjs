module.exports = require('../../../tools/jest/node.preset.cjs')('identity-testing', __dirname);
