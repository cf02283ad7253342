import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { type OrgRole } from '@bandstand/shared/contracts';
import {
  type CommandMetadata,
  ConcurrentAppend,
  DeciderCommandRunner,
  type DeciderCommandResult,
  KernelDatabase,
  StreamVersionConflict,
  streamId,
} from '@bandstand/shared/event-store';
import {
  organisationDecider,
  type OrganisationCommand,
  type OrganisationEvent,
} from '@bandstand/identity/domain';
import { TeamMemberships } from './team-memberships.service';

const ORG_STREAM_PREFIX = 'org-';
const ATTEMPTS = 3;

/** The stream of an organisation: `identity-org-<orgId>`. */
export function organisationStreamId(orgId: string): string {
  return streamId('identity', `${ORG_STREAM_PREFIX}${orgId}`);
}

/** The organisation an `identity-org-<orgId>` stream belongs to. */
export function orgIdOfStream(stream: string): string {
  const prefix = organisationStreamId('');
  if (!stream.startsWith(prefix)) throw new Error(`${stream} is not an organisation stream`);
  return stream.slice(prefix.length);
}

/** Who acts on an organisation and under which correlation. */
export interface OrganisationActor {
  readonly userId: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
}

/** The metadata of an organisation's events: the acting user, tenant = the organisation. */
export function organisationMetadata(orgId: string, actor: OrganisationActor): CommandMetadata {
  return {
    correlationId: actor.correlationId,
    causationId: actor.causationId ?? null,
    actor: `user:${actor.userId}`,
    tenantId: orgId,
  };
}

/**
 * Runs organisation commands with the acting member's current role, read from the memberships read
 * model in the same transaction as the decision. When another writer changed the organisation
 * meanwhile (a lost race for the stream), the role is read again before deciding again, so that a
 * member demoted a moment ago cannot act with their old role.
 */
@Injectable()
export class OrganisationStream {
  constructor(
    @Inject(DeciderCommandRunner) private readonly runner: DeciderCommandRunner,
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(TeamMemberships) private readonly memberships: TeamMemberships,
  ) {}

  async run(
    orgId: string,
    actor: OrganisationActor,
    command: (actingRole: OrgRole | null) => OrganisationCommand,
  ): Promise<DeciderCommandResult<OrganisationEvent>> {
    const stream = organisationStreamId(orgId);
    const nested = this.db.currentTransaction !== undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async () => {
          const actingRole = await this.memberships.roleIn(orgId, actor.userId);
          return this.runner.run(
            organisationDecider,
            stream,
            command(actingRole),
            organisationMetadata(orgId, actor),
            {
              retry: { maxAttempts: 1 },
            },
          );
        });
      } catch (error) {
        const lostRace =
          (error instanceof StreamVersionConflict || (error instanceof ConcurrentAppend && !nested)) &&
          error.streamId === stream;
        if (!lostRace || attempt >= ATTEMPTS) throw error;
        await sleep(Math.floor(Math.random() * 10 * attempt));
      }
    }
  }
}
