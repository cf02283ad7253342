module.exports = require('../../../tools/jest/node.preset.cjs')('shared-event-store', __dirname);
