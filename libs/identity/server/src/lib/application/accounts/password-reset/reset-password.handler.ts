import { CommandHandler } from '@nestjs/cqrs';
import {
  type UserCommand,
  userDecider,
  type UserEvent,
  type UserState,
  userStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { ResetPassword } from './reset-password.command';

/** Appends PasswordChanged (and EmailVerified for an unverified address) when the token is pending and fresh. */
@CommandHandler(ResetPassword)
export class ResetPasswordHandler extends DeciderCommandHandler<
  ResetPassword,
  UserCommand,
  UserEvent,
  UserState
> {
  protected readonly decider = userDecider;

  protected route(command: ResetPassword): DeciderCall<UserCommand> {
    return {
      streamId: userStreamId(command.userId),
      command: { kind: 'ResetPassword', tokenHash: command.tokenHash, passwordHash: command.passwordHash },
      metadata: command.metadata,
    };
  }
}
