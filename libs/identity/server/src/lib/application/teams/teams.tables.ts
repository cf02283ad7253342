import { type IdentityTables } from '../../infrastructure/identity-tables';
import { Migration20261121000300_create_teams } from './20261121000300-create-teams.migration';
import { InvitationRecord } from './invitation.entity';
import { MembershipRecord } from './membership.entity';
import { OrganisationRecord } from './organisation.entity';
import { TeamActivityRecord } from './team-activity.entity';

/** Read models and migrations of this area, in migration order. */
export const teamsTables: IdentityTables = {
  entities: [OrganisationRecord, MembershipRecord, InvitationRecord, TeamActivityRecord],
  migrations: [{ name: 'Migration20261121000300_create_teams', class: Migration20261121000300_create_teams }],
};
