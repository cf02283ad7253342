import { type ContextPersistence } from '@bandstand/shared/persistence';
import { accountsTables } from '../application/accounts/accounts.tables';
import { externalTables } from '../application/external/external.tables';
import { staffTables } from '../application/staff/staff.tables';
import { teamsTables } from '../application/teams/teams.tables';
import { walletsTables } from '../application/wallets/wallets.tables';
import { vaultTables } from './vault/vault.tables';

/** The identity context's schema. */
export const IDENTITY_SCHEMA = 'identity';

// Areas in migration order: a later area's migrations may refer to an earlier one's tables.
const areas = [vaultTables, accountsTables, teamsTables, staffTables, walletsTables, externalTables];

/** Entities and migrations of the identity schema, in migration order. */
export const identityPersistence: ContextPersistence = {
  context: 'identity',
  schema: IDENTITY_SCHEMA,
  entities: areas.flatMap((area) => area.entities),
  migrations: areas.flatMap((area) => area.migrations),
};
