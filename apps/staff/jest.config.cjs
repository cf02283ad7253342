module.exports = require('../../tools/jest/angular.preset.cjs')('staff', __dirname);
