import { CommandHandler } from '@nestjs/cqrs';
import {
  type UserCommand,
  userDecider,
  type UserEvent,
  type UserState,
  userStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { DeleteAccount } from './delete-account.command';

/** Appends AccountDeleted. */
@CommandHandler(DeleteAccount)
export class DeleteAccountHandler extends DeciderCommandHandler<
  DeleteAccount,
  UserCommand,
  UserEvent,
  UserState
> {
  protected readonly decider = userDecider;

  protected route(command: DeleteAccount): DeciderCall<UserCommand> {
    return {
      streamId: userStreamId(command.userId),
      command: { kind: 'DeleteAccount' },
      metadata: command.metadata,
    };
  }
}
