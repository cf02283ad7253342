module.exports = require('../../tools/jest/node.preset.cjs')('worker', __dirname);
