import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { type CommandMetadata } from '@bandstand/shared/event-store';
import { type AccountVerifiedHook, type VerifiedAccount } from '../accounts/account-verified.hook';
import { StaffRoleDirectoryService } from './staff-role-directory.service';
import { StaffRoleGrants } from './staff-role-grants.service';

/**
 * Makes the first staff admin: the account whose verified e-mail address is
 * STAFF_BOOTSTRAP_ADMIN_EMAIL becomes admin (actor `system`, no approval) while nobody is admin.
 * Afterwards admins are made by admins, with a second approver.
 */
@Injectable()
export class StaffBootstrap implements AccountVerifiedHook {
  private readonly logger = new Logger(StaffBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<CommonConfig, 'STAFF_BOOTSTRAP_ADMIN_EMAIL'>,
    @Inject(StaffRoleDirectoryService) private readonly directory: StaffRoleDirectoryService,
    @Inject(StaffRoleGrants) private readonly grants: StaffRoleGrants,
  ) {}

  /** Grants admin when `email` is the bootstrap address and no admin exists yet; says whether it did. */
  async grantBootstrapAdmin(
    userId: string,
    email: string,
    cause: { readonly correlationId: string; readonly causationId?: string | null } = {
      correlationId: `staff-bootstrap-${userId}`,
    },
  ): Promise<boolean> {
    const bootstrap = this.config.STAFF_BOOTSTRAP_ADMIN_EMAIL?.trim().toLowerCase();
    if (bootstrap === undefined || bootstrap === '' || email.trim().toLowerCase() !== bootstrap) return false;
    if ((await this.directory.adminCount()) > 0) return false;
    await this.grants.grant(userId, 'admin', 'system', null, { userId: 'system', ...cause });
    this.logger.log(`The account ${userId} (STAFF_BOOTSTRAP_ADMIN_EMAIL) is now staff admin`);
    return true;
  }

  /** The accounts area's hook, called in the transaction that verifies an address. */
  async accountVerified(account: VerifiedAccount, metadata: CommandMetadata): Promise<void> {
    await this.grantBootstrapAdmin(account.userId, account.email, {
      correlationId: metadata.correlationId,
      causationId: metadata.causationId ?? null,
    });
  }
}
