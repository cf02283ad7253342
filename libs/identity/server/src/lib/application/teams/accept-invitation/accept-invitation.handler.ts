import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvitationForAnotherEmail, InvitationNotFound } from '@bandstand/identity/domain';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../../accounts/account-services';
import { OrganisationStream } from '../organisation-stream';
import { invitationTokenHash, TeamsQueries } from '../teams.queries';
import { AcceptInvitation } from './accept-invitation.command';

/** Handles {@link AcceptInvitation}: finds the token's organisation, then lets its decider judge. */
@CommandHandler(AcceptInvitation)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitation> {
  constructor(
    @Inject(OrganisationStream) private readonly organisations: OrganisationStream,
    @Inject(ACCOUNT_DIRECTORY) private readonly accounts: AccountDirectory,
    @Inject(TeamsQueries) private readonly queries: TeamsQueries,
  ) {}

  async execute(command: AcceptInvitation): Promise<{ readonly orgId: string }> {
    const tokenHash = invitationTokenHash(command.token);
    const orgId = await this.queries.organisationOfToken(tokenHash);
    if (orgId === null) throw new InvitationNotFound('token');
    const account = await this.accounts.byId(command.actor.userId);
    if (account === null || account.deleted || account.email === null) throw new InvitationForAnotherEmail();
    const emailDigest = this.accounts.emailDigest(account.email);
    await this.organisations.run(orgId, command.actor, () => ({
      kind: 'AcceptInvitation',
      tokenHash,
      userId: command.actor.userId,
      emailDigest,
    }));
    return { orgId };
  }
}
