import { CommandBus } from '@nestjs/cqrs';
import { type CommandMetadata, KernelDatabase } from '@bandstand/shared/event-store';
import {
  DEMO_ORGANISATIONS,
  type DemoOrganisation,
  type SeedApplication,
  type SeedContributor,
} from '@bandstand/shared/seed';
import { PASSWORD_HASHER, type PasswordHasher } from '../../ports/passwords.port';
import { AccountDirectoryService } from '../accounts/directory/account-directory.service';
import { ChangePassword } from '../accounts/profile/change-password.command';
import { CreateOrganisation } from '../teams/create-organisation/create-organisation.command';

/** The password of every demo account (README: "Demo accounts"). Never use demo data in production. */
export const DEMO_PASSWORD = 'bandstand-demo-password';

/** The demo accounts: a creator who owns a label and an artist, a fan, and the staff admin. */
export const DEMO_ACCOUNTS = [
  { email: 'creator@bandstand.localhost', displayName: 'Robin Creator' },
  { email: 'fan@bandstand.localhost', displayName: 'Sam Fan' },
  { email: 'admin@bandstand.localhost', displayName: 'Alex Admin' },
] as const;

/** The creator's organisations: a label with most of the demo catalog, and an artist of its own. */
const DEMO_ORGS = [
  { name: 'Northern Lights Records', kind: 'label' },
  { name: 'Aurora Lane', kind: 'artist' },
] as const;

const SEED_METADATA: CommandMetadata = {
  correlationId: 'seed-identity',
  causationId: null,
  actor: 'system:seed',
  tenantId: null,
};

async function registerDemoAccount(
  app: SeedApplication,
  account: (typeof DEMO_ACCOUNTS)[number],
): Promise<string> {
  const directory = app.get(AccountDirectoryService);
  const hasher = app.get<PasswordHasher>(PASSWORD_HASHER);
  // Registered as verified, which also makes admin@… staff admin when it is STAFF_BOOTSTRAP_ADMIN_EMAIL.
  const userId = await directory.registerVerified(account, SEED_METADATA);
  await app
    .get(CommandBus)
    .execute(
      new ChangePassword(userId, await hasher.hash(DEMO_PASSWORD), { ...SEED_METADATA, tenantId: userId }),
    );
  return userId;
}

/**
 * The identity context's demo data: the demo accounts (password {@link DEMO_PASSWORD}) and the
 * creator's organisations, which it provides to the contexts that fill them ({@link DEMO_ORGANISATIONS}).
 */
export const identityDemoSeed: SeedContributor = {
  context: 'identity',
  usesApplication: true,
  async run({ app, log }) {
    if (app === null) throw new Error('The identity demo writes through the application');
    return app.get(KernelDatabase).transaction(async () => {
      const userIds: string[] = [];
      for (const account of DEMO_ACCOUNTS) userIds.push(await registerDemoAccount(app, account));
      const [creator] = userIds;
      if (creator === undefined) throw new Error('No demo creator');
      const organisations: DemoOrganisation[] = [];
      for (const org of DEMO_ORGS) {
        const { orgId } = await app.get(CommandBus).execute(
          new CreateOrganisation(org.name, org.kind, {
            userId: creator,
            correlationId: SEED_METADATA.correlationId,
          }),
        );
        organisations.push({ orgId, name: org.name, kind: org.kind, ownerUserId: creator });
      }
      log(
        `demo accounts ${DEMO_ACCOUNTS.map((account) => account.email).join(', ')} (password "${DEMO_PASSWORD}")`,
      );
      return {
        created: { accounts: userIds.length, organisations: organisations.length },
        provides: { [DEMO_ORGANISATIONS]: organisations },
      };
    });
  },
};
