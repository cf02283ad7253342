module.exports = {
  ...require('../../../tools/jest/angular.preset.cjs')('identity-web', __dirname),
  passWithNoTests: true,
};
