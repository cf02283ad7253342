import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type ApiConfig } from '@bandstand/shared/config';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../../accounts/account-services';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '../../../ports/personal-data.port';
import { IdentityMail } from '../../../infrastructure/mail/identity-mail.service';
import { IdentityMailComposer } from '../../../infrastructure/mail/identity-mail.composer';
import { invitationSubject } from '../invitation-subject';
import { OrganisationStream } from '../organisation-stream';
import { invitationTokenHash, TeamsQueries } from '../teams.queries';
import { InviteMember } from './invite-member.command';

/** The path of the creator console's page that accepts an invitation. */
export const ACCEPT_INVITATION_PAGE = '/creator/invitations/accept';

/** The link mailed to an invitee. */
export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${ACCEPT_INVITATION_PAGE}?token=${encodeURIComponent(token)}`;
}

/**
 * Handles {@link InviteMember}: a random single-use token (only its sha256 is kept), the address
 * sealed under the organisation, the decision, and the mail scheduled in the same transaction, so
 * that an invitation exists if and only if its mail is on its way.
 */
@CommandHandler(InviteMember)
export class InviteMemberHandler implements ICommandHandler<InviteMember> {
  constructor(
    @Inject(OrganisationStream) private readonly organisations: OrganisationStream,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(ACCOUNT_DIRECTORY) private readonly accounts: AccountDirectory,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @Inject(TeamsQueries) private readonly queries: TeamsQueries,
    @Inject(IdentityMail) private readonly mail: IdentityMail,
    @Inject(IdentityMailComposer) private readonly composer: IdentityMailComposer,
    @Inject(APP_CONFIG) private readonly config: Partial<Pick<ApiConfig, 'PUBLIC_URL'>>,
  ) {}

  async execute(command: InviteMember): Promise<{ readonly invitationId: string }> {
    const publicUrl = this.config.PUBLIC_URL;
    if (publicUrl === undefined) throw new Error('Invitations are sent by the api, which knows PUBLIC_URL');
    const email = command.email.trim();
    const token = randomBytes(32).toString('base64url');
    const tokenHash = invitationTokenHash(token);
    const emailDigest = this.accounts.emailDigest(email);
    const invitee = await this.accounts.byEmail(email);
    return this.db.transaction(async () => {
      const sealed = await this.vault.seal(invitationSubject(tokenHash), email);
      const result = await this.organisations.run(command.orgId, command.actor, (actingRole) => ({
        kind: 'InviteMember',
        email: sealed,
        emailDigest,
        inviteeUserId: invitee === null || invitee.deleted ? null : invitee.userId,
        role: command.role,
        tokenHash,
        invitedBy: command.actor.userId,
        actingRole,
      }));
      const invited = result.events.find((event) => event.type === 'MemberInvited');
      if (invited === undefined || invited.type !== 'MemberInvited') {
        throw new Error('An invitation decided no MemberInvited event');
      }
      const organisation = await this.queries.organisation(command.orgId, null);
      const inviter = await this.accounts.byId(command.actor.userId);
      const message = this.composer.invitation({
        to: email,
        orgName: organisation.name,
        role: command.role,
        invitedBy: inviter?.displayName ?? 'A member',
        link: invitationLink(publicUrl, token),
      });
      await this.mail.send(invitationSubject(tokenHash), message, {
        causationId: invited.eventId,
        purpose: 'invitation',
      });
      return { invitationId: invited.data.invitationId };
    });
  }
}
