import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { RevokeSession } from '../../accounts/sessions/revoke-session.command';
import { StaffQueries } from '../staff.queries';
import { staffMetadata } from '../staff-streams';
import { RevokeUserSessions } from './revoke-user-sessions.command';

/**
 * Handles {@link RevokeUserSessions}: the accounts area's RevokeSession (reason `staff`) for each
 * active session, in one transaction, so that either all of them end or none.
 */
@CommandHandler(RevokeUserSessions)
export class RevokeUserSessionsHandler implements ICommandHandler<RevokeUserSessions> {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(StaffQueries) private readonly queries: StaffQueries,
  ) {}

  async execute(command: RevokeUserSessions): Promise<{ readonly revoked: number }> {
    await this.queries.user(command.userId);
    return this.db.transaction(async () => {
      const sessions = await this.queries.activeSessionIds(command.userId);
      for (const sessionId of sessions) {
        await this.commands.execute(
          new RevokeSession(sessionId, 'staff', staffMetadata(command.actor, command.userId), command.userId),
        );
      }
      return { revoked: sessions.length };
    });
  }
}
