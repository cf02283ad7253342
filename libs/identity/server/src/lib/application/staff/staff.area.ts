import { type IdentityArea } from '../../identity-area';

/** Staff roles, users administration and second-approver requests. */
export const staffArea: IdentityArea = { providers: [] };
