import baseConfig from '../../../eslint.config.mjs';
import { angularConfig } from '../../../tools/lint/angular.mjs';

export default [...baseConfig, ...angularConfig('bs')];
