import {
  type ExternalIdentityCommand,
  externalIdentityDecider,
  type ExternalIdentityEvent,
  type ExternalIdentityState,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { CommandHandler } from '@nestjs/cqrs';
import { externalIdentityStreamId } from '../external-identity-stream';
import { ReleaseExternalIdentity } from './release-external-identity.command';

/** Releases a provider account on its stream; releasing one the user does not hold changes nothing. */
@CommandHandler(ReleaseExternalIdentity)
export class ReleaseExternalIdentityHandler extends DeciderCommandHandler<
  ReleaseExternalIdentity,
  ExternalIdentityCommand,
  ExternalIdentityEvent,
  ExternalIdentityState
> {
  protected readonly decider = externalIdentityDecider;

  protected route(command: ReleaseExternalIdentity): DeciderCall<ExternalIdentityCommand> {
    return {
      streamId: externalIdentityStreamId(command.provider, command.subject),
      command: { kind: 'ReleaseExternalIdentity', userId: command.userId },
      metadata: command.metadata,
    };
  }
}
