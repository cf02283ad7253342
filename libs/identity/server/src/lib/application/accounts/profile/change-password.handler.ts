import { CommandHandler } from '@nestjs/cqrs';
import {
  type UserCommand,
  userDecider,
  type UserEvent,
  type UserState,
  userStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { ChangePassword } from './change-password.command';

/** Appends PasswordChanged via change. */
@CommandHandler(ChangePassword)
export class ChangePasswordHandler extends DeciderCommandHandler<
  ChangePassword,
  UserCommand,
  UserEvent,
  UserState
> {
  protected readonly decider = userDecider;

  protected route(command: ChangePassword): DeciderCall<UserCommand> {
    return {
      streamId: userStreamId(command.userId),
      command: { kind: 'ChangePassword', passwordHash: command.passwordHash },
      metadata: command.metadata,
    };
  }
}
