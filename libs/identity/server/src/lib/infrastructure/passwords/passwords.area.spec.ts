import { commonConfigSchema } from '@bandstand/shared/config';
import {
  BundledBreachedPasswords,
  HibpBreachedPasswords,
  NoBreachedPasswords,
} from './breached-passwords.adapters';
import { breachedPasswordsFor } from './passwords.area';

describe('breachedPasswordsFor', () => {
  it('follows BREACHED_PASSWORDS, the bundled list by default', () => {
    expect(breachedPasswordsFor(commonConfigSchema.parse({}))).toBeInstanceOf(BundledBreachedPasswords);
    expect(breachedPasswordsFor(commonConfigSchema.parse({ BREACHED_PASSWORDS: 'hibp' }))).toBeInstanceOf(
      HibpBreachedPasswords,
    );
    expect(breachedPasswordsFor(commonConfigSchema.parse({ BREACHED_PASSWORDS: 'off' }))).toBeInstanceOf(
      NoBreachedPasswords,
    );
  });
});
