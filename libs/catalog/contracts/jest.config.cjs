module.exports = {
  ...require('../../../tools/jest/node.preset.cjs')('catalog-contracts', __dirname),
  passWithNoTests: true,
};
