import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { type Decider } from '@bandstand/shared/domain';
import { IdentityError } from '../identity.error';

/** Code of {@link ExternalIdentityInUse}. */
export const EXTERNAL_IDENTITY_IN_USE = IDENTITY_ERROR_CODES.externalIdentityInUse;

/** Claim the provider account (the stream's provider and subject) for a user: sign-up or linking. */
export interface ClaimExternalIdentity {
  readonly kind: 'ClaimExternalIdentity';
  readonly userId: string;
  /** `oidc` or `spotify`. */
  readonly provider: string;
  /** The provider's stable id of the account (`sub`, Spotify's user id). */
  readonly subject: string;
}

/** Give the provider account up, so that it can sign in to, or be linked to, another account. */
export interface ReleaseExternalIdentity {
  readonly kind: 'ReleaseExternalIdentity';
  readonly userId: string;
}

/** Commands of an external identity stream (`identity-external-<provider>-<sha256 hex of subject>`). */
export type ExternalIdentityCommand = ClaimExternalIdentity | ReleaseExternalIdentity;

/** A provider account was claimed by a user: it signs that user in from now on. */
export interface ExternalIdentityClaimed {
  readonly type: 'ExternalIdentityClaimed';
  readonly data: { readonly userId: string; readonly provider: string; readonly subject: string };
}

/** A provider account was given up by the user who held it (unlinked, or the account was deleted). */
export interface ExternalIdentityReleased {
  readonly type: 'ExternalIdentityReleased';
  readonly data: { readonly userId: string; readonly provider: string; readonly subject: string };
}

/** Events of an external identity stream. */
export type ExternalIdentityEvent = ExternalIdentityClaimed | ExternalIdentityReleased;

/** Who holds the provider account now; null when nobody does. */
export interface ExternalIdentityState {
  readonly holder: { readonly userId: string; readonly provider: string; readonly subject: string } | null;
}

/** The external identity event types, for schema registration and projections. */
export const EXTERNAL_IDENTITY_EVENT_TYPES = ['ExternalIdentityClaimed', 'ExternalIdentityReleased'] as const;

/** Providers are named by short lower-case ids (`oidc`, `spotify`): they end up in stream ids and URLs. */
const PROVIDER = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * The provider account is held by another Bandstand account (409): one provider account signs in
 * to one Bandstand account only.
 */
export class ExternalIdentityInUse extends IdentityError {
  constructor() {
    super(
      EXTERNAL_IDENTITY_IN_USE,
      'This provider account is already linked to another Bandstand account. Sign in with that account and unlink it first.',
      { status: 409 },
    );
  }
}

function decideClaim(
  command: ClaimExternalIdentity,
  state: ExternalIdentityState,
): readonly ExternalIdentityEvent[] {
  // Callers pass what a provider vouched for: anything else is a programming error.
  if (!PROVIDER.test(command.provider)) throw new TypeError(`"${command.provider}" is not a provider id`);
  if (command.subject.length === 0) throw new TypeError('An external identity needs a subject');
  if (command.userId.length === 0) throw new TypeError('An external identity is claimed by a user');
  if (state.holder !== null) {
    if (state.holder.provider !== command.provider || state.holder.subject !== command.subject) {
      throw new TypeError('The command was sent to the stream of another external identity');
    }
    if (state.holder.userId !== command.userId) throw new ExternalIdentityInUse();
    return [];
  }
  return [
    {
      type: 'ExternalIdentityClaimed',
      data: { userId: command.userId, provider: command.provider, subject: command.subject },
    },
  ];
}

function decideRelease(
  command: ReleaseExternalIdentity,
  state: ExternalIdentityState,
): readonly ExternalIdentityEvent[] {
  // Releasing what one does not hold changes nothing, so a repeated release is harmless.
  if (state.holder?.userId !== command.userId) return [];
  return [{ type: 'ExternalIdentityReleased', data: { ...state.holder } }];
}

/**
 * One provider account (one stream per provider and subject, so the stream itself enforces that a
 * provider account belongs to at most one Bandstand account). Claiming it again for the same user
 * changes nothing.
 */
export const externalIdentityDecider: Decider<
  ExternalIdentityCommand,
  ExternalIdentityEvent,
  ExternalIdentityState
> = {
  initialState: () => ({ holder: null }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'ExternalIdentityClaimed':
        return { holder: { ...event.data } };
      case 'ExternalIdentityReleased':
        return { holder: null };
    }
  },
  decide: (command, state) => {
    switch (command.kind) {
      case 'ClaimExternalIdentity':
        return decideClaim(command, state);
      case 'ReleaseExternalIdentity':
        return decideRelease(command, state);
    }
  },
};

/**
 * The id part of an external identity's stream (`external-<provider>-<digest>`, category
 * `identity`): the subject goes in as its SHA-256 hex digest, which the caller computes, so that
 * stream ids stay short, uniform and free of what providers put in subjects.
 */
export function externalIdentityStreamKey(provider: string, subjectSha256Hex: string): string {
  if (!PROVIDER.test(provider)) throw new TypeError(`"${provider}" is not a provider id`);
  if (!/^[0-9a-f]{64}$/.test(subjectSha256Hex)) throw new TypeError('The subject digest must be SHA-256 hex');
  return `external-${provider}-${subjectSha256Hex}`;
}
