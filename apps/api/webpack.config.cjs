// Bundles the api into dist/apps/api/main.js; node_modules stay external and are loaded at run
// time (Nest 12 and MikroORM 7 through Node 24's require(esm)).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { DefinePlugin } = require('webpack');
const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/api'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      outputHashing: 'none',
      generatePackageJson: false,
      optimization: false,
      sourceMap: true,
    }),
    // The release version, for GET /api/v1/meta (see src/app/build-info.ts)
    new DefinePlugin({ BANDSTAND_VERSION: JSON.stringify(version) }),
  ],
};
