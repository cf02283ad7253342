// The pages (status, section, not found) and the status service are reached only through
// consoleRoutes' lazy imports: exported here, they would move into every console's initial bundle
// (the status page with its charts) or split that bundle into extra chunks (the service).
export * from './lib/console/console-definition';
export * from './lib/console/console-feature';
export * from './lib/console/console-routes';
export * from './lib/console/console-shell.component';
export * from './lib/console/console.providers';
