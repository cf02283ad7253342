import { EXTERNAL_IDENTITY_EVENT_TYPES } from '@bandstand/identity/domain';
import { EventSchemasModule } from '@bandstand/shared/event-store';
import { type IdentityArea } from '../../identity-area';
import { ClaimExternalIdentityHandler } from './claim-external-identity/claim-external-identity.handler';
import { ExternalAuthController } from './external-auth.controller';
import { ExternalIdentitiesOnAccountDeleted } from './external-identities-on-account-deleted.processor';
import { ExternalIdentitiesProjection } from './external-identities.projection';
import { ExternalIdentitiesQuery } from './external-identities.query';
import { ExternalSignInService } from './external-sign-in.service';
import { ReleaseExternalIdentityHandler } from './release-external-identity/release-external-identity.handler';

/** Schemas of the external identity stream's events (all at version 1). */
export const externalIdentityEventSchemas = EXTERNAL_IDENTITY_EVENT_TYPES.map((type) => ({
  type,
  version: 1,
}));

/** Sign-in and linking through OAuth/OIDC providers. */
export const externalArea: IdentityArea = {
  imports: [EventSchemasModule.forFeature('identity-external', externalIdentityEventSchemas)],
  providers: [
    ClaimExternalIdentityHandler,
    ReleaseExternalIdentityHandler,
    ExternalIdentitiesProjection,
    ExternalIdentitiesQuery,
    ExternalIdentitiesOnAccountDeleted,
    ExternalSignInService,
  ],
  controllers: [ExternalAuthController],
};
