module.exports = require('../../../tools/jest/angular.preset.cjs')('shared-web-platform', __dirname);
