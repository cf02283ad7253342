import { CommandHandler } from '@nestjs/cqrs';
import {
  type SessionCommand,
  sessionDecider,
  type SessionEvent,
  type SessionState,
  sessionStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { RevokeSession } from './revoke-session.command';

/** Appends SessionRevoked unless the session has ended already. */
@CommandHandler(RevokeSession)
export class RevokeSessionHandler extends DeciderCommandHandler<
  RevokeSession,
  SessionCommand,
  SessionEvent,
  SessionState
> {
  protected readonly decider = sessionDecider;

  protected route(command: RevokeSession): DeciderCall<SessionCommand> {
    return {
      streamId: sessionStreamId(command.sessionId),
      command: {
        kind: 'RevokeSession',
        reason: command.reason,
        ...(command.userId === undefined ? {} : { userId: command.userId }),
      },
      metadata: command.metadata,
    };
  }
}
