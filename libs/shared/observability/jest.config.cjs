module.exports = require('../../../tools/jest/node.preset.cjs')('shared-observability', __dirname);
