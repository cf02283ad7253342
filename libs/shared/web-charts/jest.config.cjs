module.exports = require('../../../tools/jest/angular.preset.cjs')('shared-web-charts', __dirname);
