export * from './passwords.port';
export * from './mail.port';
export * from './personal-data.port';
export * from './tokens.port';
export * from './rate-limit.port';
export * from './siwe.port';
export * from './oidc.port';
