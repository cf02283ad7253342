module.exports = require('../../../tools/jest/node.preset.cjs')('identity-server', __dirname);
