// Test helpers of the identity context (`@bandstand/identity/testing`): a local OpenID provider and a
// Spotify stand-in for int and e2e tests. Never imported by production code.
export * from './lib/local-oidc-provider';
export * from './lib/provider-sign-in';
export * from './lib/spotify-stand-in';
