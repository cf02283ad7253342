// Replaced by webpack's DefinePlugin with the version in package.json (see webpack.config.cjs);
// undefined when the source runs unbundled, as in unit tests.
declare const BANDSTAND_VERSION: string | undefined;

/** The Bandstand release this api was built from. */
export const BUILD_VERSION: string =
  typeof BANDSTAND_VERSION === 'string' ? BANDSTAND_VERSION : '0.0.0-development';

/** Name of this process in logs, metrics and health reports. */
export const SERVICE_NAME = 'api';
