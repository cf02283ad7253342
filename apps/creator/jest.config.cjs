module.exports = require('../../tools/jest/angular.preset.cjs')('creator', __dirname);
