module.exports = require('../../../tools/jest/node.preset.cjs')('shared-http', __dirname);
