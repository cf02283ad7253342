import {
  type ExternalIdentityCommand,
  externalIdentityDecider,
  type ExternalIdentityEvent,
  type ExternalIdentityState,
} from '@bandstand/identity/domain';
import { type DeciderCall, DeciderCommandHandler } from '@bandstand/shared/event-store';
import { CommandHandler } from '@nestjs/cqrs';
import { externalIdentityStreamId } from '../external-identity-stream';
import { ClaimExternalIdentity } from './claim-external-identity.command';

/** Claims a provider account on its own stream, which refuses one another account holds. */
@CommandHandler(ClaimExternalIdentity)
export class ClaimExternalIdentityHandler extends DeciderCommandHandler<
  ClaimExternalIdentity,
  ExternalIdentityCommand,
  ExternalIdentityEvent,
  ExternalIdentityState
> {
  protected readonly decider = externalIdentityDecider;

  protected route(command: ClaimExternalIdentity): DeciderCall<ExternalIdentityCommand> {
    return {
      streamId: externalIdentityStreamId(command.provider, command.subject),
      command: {
        kind: 'ClaimExternalIdentity',
        userId: command.userId,
        provider: command.provider,
        subject: command.subject,
      },
      metadata: command.metadata,
    };
  }
}
