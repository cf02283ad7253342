module.exports = require('../../../tools/jest/node.preset.cjs')('catalog-server', __dirname);
