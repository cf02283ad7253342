module.exports = {
  ...require('../../../tools/jest/angular.preset.cjs')('catalog-web', __dirname),
  passWithNoTests: true,
};
