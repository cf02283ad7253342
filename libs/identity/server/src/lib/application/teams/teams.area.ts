import { MEMBERSHIP_LOOKUP } from '@bandstand/shared/access';
import { EventSchemasModule } from '@bandstand/shared/event-store';
import { ORGANISATION_EVENT_TYPES } from '@bandstand/identity/domain';
import { type IdentityArea } from '../../identity-area';
import { PERSONAL_DATA_ERASER } from '../privacy/personal-data-eraser';
import { SOLE_OWNERSHIP_CHECK } from '../privacy/sole-ownership';
import { TeamPersonalDataEraser } from './team-personal-data.eraser';
import { AcceptInvitationHandler } from './accept-invitation/accept-invitation.handler';
import { ChangeMemberRoleHandler } from './change-member-role/change-member-role.handler';
import { CreateOrganisationHandler } from './create-organisation/create-organisation.handler';
import { InvitationsController } from './invitations.controller';
import { InviteMemberHandler } from './invite-member/invite-member.handler';
import { OrganisationStream } from './organisation-stream';
import { RemoveMemberHandler } from './remove-member/remove-member.handler';
import { RenameOrganisationHandler } from './rename-organisation/rename-organisation.handler';
import { RevokeInvitationHandler } from './revoke-invitation/revoke-invitation.handler';
import { TeamActivityProjection } from './team-activity.projection';
import { TeamMemberships } from './team-memberships.service';
import { TeamsController } from './teams.controller';
import { TeamsProjection } from './teams.projection';
import { TeamsQueries } from './teams.queries';

/** Organisations, teams, invitations and the activity log. */
export const teamsArea: IdentityArea = {
  providers: [
    TeamMemberships,
    { provide: MEMBERSHIP_LOOKUP, useExisting: TeamMemberships },
    { provide: SOLE_OWNERSHIP_CHECK, useExisting: TeamMemberships },
    TeamPersonalDataEraser,
    { provide: PERSONAL_DATA_ERASER, useExisting: TeamPersonalDataEraser },
    OrganisationStream,
    TeamsQueries,
    TeamsProjection,
    TeamActivityProjection,
    CreateOrganisationHandler,
    RenameOrganisationHandler,
    InviteMemberHandler,
    RevokeInvitationHandler,
    AcceptInvitationHandler,
    ChangeMemberRoleHandler,
    RemoveMemberHandler,
  ],
  controllers: [TeamsController, InvitationsController],
  imports: [
    EventSchemasModule.forFeature(
      'identity.teams',
      ORGANISATION_EVENT_TYPES.map((type) => ({ type, version: 1 })),
    ),
  ],
};
