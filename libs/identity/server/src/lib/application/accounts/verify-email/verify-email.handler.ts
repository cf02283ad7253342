import { CommandHandler } from '@nestjs/cqrs';
import {
  type UserCommand,
  userDecider,
  type UserEvent,
  type UserState,
  userStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { VerifyEmail } from './verify-email.command';

/** Appends EmailVerified when the token is the pending one and has not expired. */
@CommandHandler(VerifyEmail)
export class VerifyEmailHandler extends DeciderCommandHandler<
  VerifyEmail,
  UserCommand,
  UserEvent,
  UserState
> {
  protected readonly decider = userDecider;

  protected route(command: VerifyEmail): DeciderCall<UserCommand> {
    return {
      streamId: userStreamId(command.userId),
      command: { kind: 'VerifyEmail', tokenHash: command.tokenHash },
      metadata: command.metadata,
    };
  }
}
