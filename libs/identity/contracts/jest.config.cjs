module.exports = {
  ...require('../../../tools/jest/node.preset.cjs')('identity-contracts', __dirname),
  passWithNoTests: true,
};
