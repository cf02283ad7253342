/**
 * The personal-data subject an invitee's address is sealed under: one per invitation (its token
 * hash is known before the invitation is decided), so that deleting the invitee's account later can
 * shred exactly the invitations to that address, while new ones get keys of their own.
 */
export function invitationSubject(tokenHash: string): string {
  return `invitation:${tokenHash}`;
}
