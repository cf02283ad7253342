export * from './lib/identity.error';
export * from './lib/user/index';
export * from './lib/session/index';
export * from './lib/organisation/index';
export * from './lib/approval/index';
export * from './lib/staff/index';
export * from './lib/wallet/index';
export * from './lib/external-identity/index';
