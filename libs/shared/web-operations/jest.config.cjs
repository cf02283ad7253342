module.exports = require('../../../tools/jest/angular.preset.cjs')('shared-web-operations', __dirname);
