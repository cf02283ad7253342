module.exports = require('../jest/node.preset.cjs')('tools-generators', __dirname);
