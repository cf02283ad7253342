import { CommandHandler } from '@nestjs/cqrs';
import {
  type UserCommand,
  userDecider,
  type UserEvent,
  type UserState,
  userStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { RequestPasswordReset } from './request-password-reset.command';

/** Appends PasswordResetRequested, which replaces any earlier pending reset. */
@CommandHandler(RequestPasswordReset)
export class RequestPasswordResetHandler extends DeciderCommandHandler<
  RequestPasswordReset,
  UserCommand,
  UserEvent,
  UserState
> {
  protected readonly decider = userDecider;

  protected route(command: RequestPasswordReset): DeciderCall<UserCommand> {
    return {
      streamId: userStreamId(command.userId),
      command: { kind: 'RequestPasswordReset', tokenHash: command.tokenHash },
      metadata: command.metadata,
    };
  }
}
