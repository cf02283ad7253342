import { deciderSpec } from '@bandstand/shared/domain';
import {
  EXTERNAL_IDENTITY_IN_USE,
  externalIdentityDecider,
  type ExternalIdentityEvent,
  ExternalIdentityInUse,
  externalIdentityStreamKey,
} from './external-identity.decider';

const ana = 'user-ana';
const bo = 'user-bo';
const SUBJECT = '248289761001';

const claimed = (userId: string): ExternalIdentityEvent => ({
  type: 'ExternalIdentityClaimed',
  data: { userId, provider: 'oidc', subject: SUBJECT },
});
const released = (userId: string): ExternalIdentityEvent => ({
  type: 'ExternalIdentityReleased',
  data: { userId, provider: 'oidc', subject: SUBJECT },
});
const claim = (userId: string) =>
  ({ kind: 'ClaimExternalIdentity', userId, provider: 'oidc', subject: SUBJECT }) as const;

describe('externalIdentityDecider', () => {
  describe('ClaimExternalIdentity', () => {
    it('claims a provider account nobody holds', () => {
      deciderSpec(externalIdentityDecider)
        .when(claim(ana))
        .then([claimed(ana)]);
    });

    it('decides nothing when the same user claims it again', () => {
      deciderSpec(externalIdentityDecider)
        .given([claimed(ana)])
        .when(claim(ana))
        .thenNothing();
    });

    it('refuses a provider account held by another user with a 409', () => {
      const error = deciderSpec(externalIdentityDecider)
        .given([claimed(ana)])
        .when(claim(bo))
        .thenThrows(ExternalIdentityInUse);
      expect(error).toMatchObject({ code: EXTERNAL_IDENTITY_IN_USE, status: 409 });
      expect(EXTERNAL_IDENTITY_IN_USE).toBe('IDENTITY.EXTERNAL_IDENTITY_IN_USE');
    });

    it('lets another user claim it once it was released', () => {
      deciderSpec(externalIdentityDecider)
        .given([claimed(ana), released(ana)])
        .when(claim(bo))
        .then([claimed(bo)]);
    });

    it('refuses malformed claims and claims sent to the stream of another identity', () => {
      deciderSpec(externalIdentityDecider)
        .when({ kind: 'ClaimExternalIdentity', userId: ana, provider: 'Not A Provider', subject: SUBJECT })
        .thenThrows(TypeError);
      deciderSpec(externalIdentityDecider)
        .when({ kind: 'ClaimExternalIdentity', userId: ana, provider: 'oidc', subject: '' })
        .thenThrows(TypeError);
      deciderSpec(externalIdentityDecider)
        .given([claimed(ana)])
        .when({ kind: 'ClaimExternalIdentity', userId: ana, provider: 'spotify', subject: SUBJECT })
        .thenThrows({ name: 'TypeError', message: /another external identity/ });
    });
  });

  describe('ReleaseExternalIdentity', () => {
    it('releases the provider account its holder gives up', () => {
      deciderSpec(externalIdentityDecider)
        .given([claimed(ana)])
        .when({ kind: 'ReleaseExternalIdentity', userId: ana })
        .then([released(ana)]);
      deciderSpec(externalIdentityDecider)
        .given([claimed(ana)])
        .when({ kind: 'ReleaseExternalIdentity', userId: ana })
        .thenState({ holder: null });
    });

    it('decides nothing for a user who does not hold it', () => {
      deciderSpec(externalIdentityDecider)
        .given([claimed(ana)])
        .when({ kind: 'ReleaseExternalIdentity', userId: bo })
        .thenNothing();
      deciderSpec(externalIdentityDecider)
        .when({ kind: 'ReleaseExternalIdentity', userId: ana })
        .thenNothing();
    });
  });

  describe('externalIdentityStreamKey', () => {
    it('names the stream by provider and subject digest', () => {
      const digest = 'a'.repeat(64);
      expect(externalIdentityStreamKey('spotify', digest)).toBe(`external-spotify-${digest}`);
      expect(() => externalIdentityStreamKey('spotify', SUBJECT)).toThrow(TypeError);
      expect(() => externalIdentityStreamKey('Spot ify', digest)).toThrow(TypeError);
    });
  });
});
