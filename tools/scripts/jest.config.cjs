module.exports = require('../jest/node.preset.cjs')('tools-scripts', __dirname);
