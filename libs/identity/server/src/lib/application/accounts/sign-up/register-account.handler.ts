import { CommandHandler } from '@nestjs/cqrs';
import {
  type UserCommand,
  userDecider,
  type UserEvent,
  type UserState,
  userStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { RegisterAccount } from './register-account.command';

/** Appends AccountRegistered to the new user's stream. */
@CommandHandler(RegisterAccount)
export class RegisterAccountHandler extends DeciderCommandHandler<
  RegisterAccount,
  UserCommand,
  UserEvent,
  UserState
> {
  protected readonly decider = userDecider;

  protected route(command: RegisterAccount): DeciderCall<UserCommand> {
    return {
      streamId: userStreamId(command.userId),
      command: { kind: 'RegisterAccount', userId: command.userId, ...command.account },
      metadata: command.metadata,
    };
  }
}
