import { type IdentityTables } from '../../infrastructure/identity-tables';
import { Migration20261121000200_create_accounts } from './read-models/20261121000200-create-accounts.migration';
import { AccountTokenRecord } from './read-models/account-token.entity';
import { SessionRecord } from './read-models/session.entity';
import { UserRecord } from './read-models/user.entity';

/** Read models and migrations of this area, in migration order. */
export const accountsTables: IdentityTables = {
  entities: [UserRecord, SessionRecord, AccountTokenRecord],
  migrations: [
    { name: 'Migration20261121000200_create_accounts', class: Migration20261121000200_create_accounts },
  ],
};
