import { type IdentityArea } from '../../identity-area';

/** E-mail: the SMTP and outbox adapters and the identity.send-mail job. */
export const mailArea: IdentityArea = { providers: [] };
