module.exports = require('../../../tools/jest/node.preset.cjs')('catalog-domain', __dirname);
