// Pages and section views are reached only through lazy imports (identityRoutes and the load*
// functions): exported here, they would move into every console's initial bundle.
export * from './lib/data/auth.client';
export * from './lib/data/auth.guards';
export * from './lib/data/auth.interceptor';
export * from './lib/data/auth.store';
export * from './lib/identity.config';
export * from './lib/identity.routes';
export * from './lib/provide-identity';
export * from './lib/shell/account-area.component';
