/** Name of the identity bounded context, as written in event metadata and project tags. */
export const IDENTITY_CONTEXT = 'identity' as const;

/** Every error code of this context starts with its prefix: `IDENTITY.SOMETHING_WRONG`. */
export type IdentityErrorCode = `IDENTITY.${Uppercase<string>}`;
