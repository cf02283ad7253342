// webpack config of a Node app (api, worker): one bundle at dist/apps/<app>/main.js with
// node_modules left external and loaded at run time (ESM-only ones through Node 24's
// require(esm), ADR 0005). The tsc compiler keeps the decorator metadata Nest's DI reads.
const { join } = require('node:path');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');

const workspaceRoot = join(__dirname, '..', '..');

/** @param {{ app: string, plugins?: import('webpack').WebpackPluginInstance[] }} options */
function nodeAppConfig({ app, plugins = [] }) {
  return {
    output: { path: join(workspaceRoot, 'dist', 'apps', app), clean: true },
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
      ...plugins,
    ],
  };
}

module.exports = { nodeAppConfig, workspaceRoot };
