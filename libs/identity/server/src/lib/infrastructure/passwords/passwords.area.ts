import { APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { type IdentityArea } from '../../identity-area';
import {
  BREACHED_PASSWORDS,
  type BreachedPasswords,
  PASSWORD_HASHER,
  PASSWORD_POLICY,
} from '../../ports/passwords.port';
import { Argon2idPasswordHasher } from './argon2id-password.hasher';
import {
  BundledBreachedPasswords,
  HibpBreachedPasswords,
  NoBreachedPasswords,
} from './breached-passwords.adapters';
import { IdentityPasswordPolicy } from './password.policy';

/** The breached-password check BREACHED_PASSWORDS selects. */
export function breachedPasswordsFor(
  config: Pick<CommonConfig, 'BREACHED_PASSWORDS' | 'HIBP_API_URL'>,
): BreachedPasswords {
  switch (config.BREACHED_PASSWORDS) {
    case 'hibp':
      return new HibpBreachedPasswords({ apiUrl: config.HIBP_API_URL });
    case 'list':
      return new BundledBreachedPasswords();
    case 'off':
      return new NoBreachedPasswords();
  }
}

/** argon2id password hashing, the password rules and the breached-password check. */
export const passwordsArea: IdentityArea = {
  providers: [
    { provide: PASSWORD_HASHER, useFactory: () => new Argon2idPasswordHasher() },
    { provide: BREACHED_PASSWORDS, useFactory: breachedPasswordsFor, inject: [APP_CONFIG] },
    { provide: PASSWORD_POLICY, useClass: IdentityPasswordPolicy },
  ],
};
