import { CommandHandler } from '@nestjs/cqrs';
import {
  type UserCommand,
  userDecider,
  type UserEvent,
  type UserState,
  userStreamId,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { ChangeDisplayName } from './change-display-name.command';

/** Appends DisplayNameChanged. */
@CommandHandler(ChangeDisplayName)
export class ChangeDisplayNameHandler extends DeciderCommandHandler<
  ChangeDisplayName,
  UserCommand,
  UserEvent,
  UserState
> {
  protected readonly decider = userDecider;

  protected route(command: ChangeDisplayName): DeciderCall<UserCommand> {
    return {
      streamId: userStreamId(command.userId),
      command: { kind: 'ChangeDisplayName', displayName: command.displayName },
      metadata: command.metadata,
    };
  }
}
