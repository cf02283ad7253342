module.exports = require('../jest/node.preset.cjs')('tools-bench', __dirname);
