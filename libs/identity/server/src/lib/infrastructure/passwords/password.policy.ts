import { Inject, Injectable } from '@nestjs/common';
import {
  IDENTITY_ERROR_CODES,
  type IdentityErrorCodeValue,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';
import { BREACHED_PASSWORDS, type BreachedPasswords, type PasswordPolicy } from '../../ports/passwords.port';
import { normalisePassword } from './argon2id-password.hasher';

// Shorter parts of an address (`ann@…`) occur in too many good passwords to forbid them.
const SHORTEST_FORBIDDEN_PART = 4;

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

// The local part, and without its sub-address (`ann.smith+shop` → also `ann.smith`).
function forbiddenParts(email: string): string[] {
  const at = email.lastIndexOf('@');
  const local = normalisePassword(at < 0 ? email : email.slice(0, at)).toLowerCase();
  const parts = [local, local.split('+')[0] ?? ''];
  return [...new Set(parts)].filter((part) => codePoints(part) >= SHORTEST_FORBIDDEN_PART);
}

function rejected(code: IdentityErrorCodeValue, message: string): IdentityError {
  return new IdentityError(code, message, { status: 422, field: 'password' });
}

/**
 * NIST SP 800-63B's rules, no composition rules: 12 to 128 characters (Unicode code points after
 * NFKC, so that "é" counts once however it was typed), not containing the e-mail address's local
 * part, and not known from breaches.
 */
@Injectable()
export class IdentityPasswordPolicy implements PasswordPolicy {
  constructor(@Inject(BREACHED_PASSWORDS) private readonly breached: BreachedPasswords) {}

  async check(password: string, context: { readonly email: string }): Promise<void> {
    const normalised = normalisePassword(password);
    const length = codePoints(normalised);
    if (length < PASSWORD_MIN_LENGTH) {
      throw rejected(
        IDENTITY_ERROR_CODES.passwordTooShort,
        `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
      );
    }
    if (length > PASSWORD_MAX_LENGTH) {
      throw rejected(
        IDENTITY_ERROR_CODES.passwordTooLong,
        `The password must be at most ${PASSWORD_MAX_LENGTH} characters long`,
      );
    }
    const lowered = normalised.toLowerCase();
    if (forbiddenParts(context.email).some((part) => lowered.includes(part))) {
      throw rejected(
        IDENTITY_ERROR_CODES.passwordContainsEmail,
        'The password must not contain your e-mail address',
      );
    }
    if (await this.breached.isBreached(password)) {
      throw rejected(
        IDENTITY_ERROR_CODES.passwordBreached,
        'This password appears in known data breaches: choose another one',
      );
    }
  }
}
