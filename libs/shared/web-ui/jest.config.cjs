module.exports = require('../../../tools/jest/angular.preset.cjs')('shared-web-ui', __dirname);
