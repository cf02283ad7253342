import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type MembershipSummary, type Profile } from '@bandstand/identity/contracts';
import { UserNotFound } from '@bandstand/identity/domain';
import { type Principal } from '@bandstand/shared/access';
import { type CommandMetadata, KernelDatabase } from '@bandstand/shared/event-store';
import { IdentityMailComposer } from '../../../infrastructure/mail/identity-mail.composer';
import { IdentityMail } from '../../../infrastructure/mail/identity-mail.service';
import {
  PASSWORD_HASHER,
  PASSWORD_POLICY,
  type PasswordHasher,
  type PasswordPolicy,
} from '../../../ports/passwords.port';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../../ports/personal-data.port';
import { RATE_LIMITER, type RateLimiter } from '../../../ports/rate-limit.port';
import { ExternalIdentitiesQuery } from '../../external/external-identities.query';
import { STAFF_ROLE_DIRECTORY, type StaffRoleDirectory } from '../../staff/staff-roles';
import { TeamsQueries } from '../../teams/teams.queries';
import { WalletsQuery } from '../../wallets/wallets.query';
import { type AccountRow, AccountQueries } from '../read-models/account-queries';
import { SessionsService } from '../sessions/sessions.service';
import { confirmationKey, WrongConfirmation } from '../wrong-confirmation.error';
import { ChangeDisplayName } from './change-display-name.command';
import { ChangePassword } from './change-password.command';

/** The signed-in user's profile (GET/PATCH /me) and password change. */
@Injectable()
export class ProfileService {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(AccountQueries) private readonly queries: AccountQueries,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(PASSWORD_POLICY) private readonly policy: PasswordPolicy,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(IdentityMail) private readonly mail: IdentityMail,
    @Inject(IdentityMailComposer) private readonly composer: IdentityMailComposer,
    @Inject(WalletsQuery) private readonly wallets: WalletsQuery,
    @Inject(ExternalIdentitiesQuery) private readonly externalIdentities: ExternalIdentitiesQuery,
    @Inject(TeamsQueries) private readonly teams: TeamsQueries,
    @Optional() @Inject(STAFF_ROLE_DIRECTORY) private readonly staffRoles?: StaffRoleDirectory,
  ) {}

  /** GET /me. */
  async profile(userId: string): Promise<Profile> {
    const account = await this.liveAccount(userId);
    const [staffRoles, wallets, externalIdentities, organisations] = await Promise.all([
      this.staffRoles?.rolesOf(userId) ?? Promise.resolve([]),
      this.wallets.ofUser(userId),
      this.externalIdentities.ofUser(userId),
      this.memberships(userId),
    ]);
    return {
      userId,
      email: account.email ?? '',
      displayName: account.displayName,
      emailVerified: account.emailVerified,
      staffRoles,
      wallets,
      externalIdentities,
      organisations,
      createdAt: account.createdAt,
    };
  }

  /** The user's organisations and roles in them. */
  async memberships(userId: string): Promise<MembershipSummary[]> {
    const organisations = await this.teams.organisationsOf(userId);
    return organisations.flatMap(({ orgId, name, kind, myRole }) =>
      myRole === null ? [] : [{ orgId, name, kind, role: myRole }],
    );
  }

  /** PATCH /me: a new display name, sealed in the event. */
  async rename(userId: string, displayName: string, metadata: CommandMetadata): Promise<Profile> {
    await this.liveAccount(userId);
    await this.db.transaction(async () => {
      const sealed = await this.vault.seal(userId, displayName.trim());
      await this.commands.execute(new ChangeDisplayName(userId, sealed, metadata));
    });
    return this.profile(userId);
  }

  /**
   * POST /me/password: the current password proves the user (rate-limited like sign-in); the new
   * one must pass the rules. Every other session of the user ends, and the owner is told by mail.
   */
  async changePassword(
    principal: Principal,
    passwords: { readonly currentPassword: string; readonly newPassword: string },
    metadata: CommandMetadata,
  ): Promise<void> {
    const account = await this.liveAccount(principal.userId);
    const keys = [confirmationKey(principal.userId)];
    await this.rateLimiter.consume('sign-in', keys);
    if (
      account.passwordHash === null ||
      !(await this.hasher.verify(account.passwordHash, passwords.currentPassword))
    ) {
      await this.rateLimiter.recordFailure('sign-in', keys);
      throw new WrongConfirmation('currentPassword');
    }
    await this.rateLimiter.clearFailures('sign-in', keys);
    const email = account.email ?? '';
    await this.policy.check(passwords.newPassword, { email });
    const passwordHash = await this.hasher.hash(passwords.newPassword);
    await this.db.transaction(async () => {
      const result = await this.commands.execute(
        new ChangePassword(principal.userId, passwordHash, metadata),
      );
      const changed = result.events[0];
      if (changed === undefined) throw new Error('ChangePassword decided no event');
      await this.sessions.revokeAll(principal.userId, 'sign-out-everywhere', metadata, principal.sessionId);
      await this.mail.send(principal.userId, this.composer.passwordChanged({ to: email }), {
        causationId: changed.eventId,
        purpose: 'password-changed',
      });
    });
  }

  private async liveAccount(userId: string): Promise<AccountRow> {
    const account = await this.queries.userById(userId);
    if (account === null || account.deletedAt !== null) throw new UserNotFound();
    return account;
  }
}
