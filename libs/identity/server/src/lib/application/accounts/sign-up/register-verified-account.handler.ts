import { CommandHandler } from '@nestjs/cqrs';
import {
  type UserCommand,
  userDecider,
  type UserEvent,
  type UserState,
  userStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { RegisterVerifiedAccount } from './register-verified-account.command';

/** Appends AccountRegistered and EmailVerified to the new user's stream. */
@CommandHandler(RegisterVerifiedAccount)
export class RegisterVerifiedAccountHandler extends DeciderCommandHandler<
  RegisterVerifiedAccount,
  UserCommand,
  UserEvent,
  UserState
> {
  protected readonly decider = userDecider;

  protected route(command: RegisterVerifiedAccount): DeciderCall<UserCommand> {
    return {
      streamId: userStreamId(command.userId),
      command: { kind: 'RegisterVerifiedAccount', userId: command.userId, ...command.account },
      metadata: command.metadata,
    };
  }
}
