import { CommandHandler } from '@nestjs/cqrs';
import {
  type SessionCommand,
  sessionDecider,
  type SessionEvent,
  type SessionState,
  sessionStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { StartSession } from './start-session.command';

/** Appends SessionStarted to the new session's stream. */
@CommandHandler(StartSession)
export class StartSessionHandler extends DeciderCommandHandler<
  StartSession,
  SessionCommand,
  SessionEvent,
  SessionState
> {
  protected readonly decider = sessionDecider;

  protected route(command: StartSession): DeciderCall<SessionCommand> {
    return {
      streamId: sessionStreamId(command.sessionId),
      command: { kind: 'StartSession', ...command.session },
      metadata: command.metadata,
    };
  }
}
