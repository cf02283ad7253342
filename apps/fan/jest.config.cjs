module.exports = require('../../tools/jest/angular.preset.cjs')('fan', __dirname);
