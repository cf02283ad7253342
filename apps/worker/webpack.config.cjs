// Bundles the worker into dist/apps/worker/main.js; node_modules stay external and are loaded at
// run time (Nest 12, MikroORM 7 and @nestjs/bullmq through Node 24's require(esm)).
const { join } = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');

module.exports = {
  output: { path: join(__dirname, '../../dist/apps/worker'), clean: true },
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
  ],
};
