import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';

/**
 * Which organisations a user is the only owner of (teams area). An account cannot be deleted while
 * it holds one: the organisation would be left without an owner.
 */
export interface SoleOwnershipCheck {
  soleOwnerOf(userId: string): Promise<string[]>;
}
export const SOLE_OWNERSHIP_CHECK = Symbol('SOLE_OWNERSHIP_CHECK');

/** The user is the only owner of organisations: another owner must be named first (409). */
export class SoleOwner extends IdentityError {
  constructor(organisations: number) {
    super(
      IDENTITY_ERROR_CODES.soleOwner,
      organisations === 1
        ? 'You are the only owner of an organisation: make another member an owner first'
        : `You are the only owner of ${organisations} organisations: make another member an owner of each first`,
      { status: 409 },
    );
  }
}
