// ESLint for Angular projects: angular-eslint's TypeScript, inline-template, template and
// accessibility rules, with the project's selector prefix. Used by every web lib and console.
import angular from 'angular-eslint';

/** @param {string} prefix selector prefix: `bs` for shared libs, the console's name for an app */
export function angularConfig(prefix) {
  return [
    ...angular.configs.tsRecommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
    {
      files: ['**/*.ts'],
      processor: angular.processInlineTemplates,
      rules: {
        '@angular-eslint/component-selector': ['error', { type: 'element', prefix, style: 'kebab-case' }],
        '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix, style: 'camelCase' }],
        '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      },
    },
    ...angular.configs.templateRecommended.map((config) => ({ ...config, files: ['**/*.html'] })),
    ...angular.configs.templateAccessibility.map((config) => ({ ...config, files: ['**/*.html'] })),
  ];
}
