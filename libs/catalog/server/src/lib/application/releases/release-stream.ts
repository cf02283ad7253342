import { Inject, Injectable } from '@nestjs/common';
import { type Decider } from '@bandstand/shared/domain';
import {
  type CommandMetadata,
  DeciderCommandRunner,
  type DeciderCommandResult,
  streamId,
} from '@bandstand/shared/event-store';
import {
  type CatalogError,
  releaseDecider,
  ReleaseNotFound,
  type ReleaseCommand,
  type ReleaseEvent,
  type ReleaseState,
} from '@bandstand/catalog/domain';

const RELEASE_STREAM_PREFIX = 'release-';

/** Who acts: `user:<id>` or `job:catalog.release-due`, under a correlation id. */
export interface CatalogActor {
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
}

/** A signed-in user acting under a request's correlation id. */
export function userActor(userId: string, correlationId: string): CatalogActor {
  return { actor: `user:${userId}`, correlationId };
}

/** The metadata of a catalog command's events: the actor, tenant = the owning organisation. */
export function catalogMetadata(orgId: string, actor: CatalogActor): CommandMetadata {
  return {
    correlationId: actor.correlationId,
    causationId: actor.causationId ?? null,
    actor: actor.actor,
    tenantId: orgId,
  };
}

/** The stream of a release: `catalog-release-<releaseId>`. */
export function releaseStreamId(releaseId: string): string {
  return streamId('catalog', `${RELEASE_STREAM_PREFIX}${releaseId}`);
}

/** The release a `catalog-release-<releaseId>` stream belongs to. */
export function releaseIdOfStream(stream: string): string {
  const prefix = releaseStreamId('');
  if (!stream.startsWith(prefix)) throw new Error(`${stream} is not a release stream`);
  return stream.slice(prefix.length);
}

/** The 404 of a release id that is not the organisation's (or not there at all). */
export function releaseNotFound(): CatalogError {
  return new ReleaseNotFound();
}

/** A release command, or one built from the release as it stands (read in the command's transaction). */
export type ReleaseCommandInput = ReleaseCommand | ((state: ReleaseState) => ReleaseCommand);

/**
 * The release decider seen from one organisation: a stream that holds another organisation's release
 * answers "not found" (so ids never leak across tenants), and a command given as a function is built
 * from the folded state inside the runner, so that a retried decision rebuilds it from fresh state.
 */
function releaseDeciderOf(orgId: string): Decider<ReleaseCommandInput, ReleaseEvent, ReleaseState> {
  return {
    initialState: releaseDecider.initialState,
    evolve: releaseDecider.evolve,
    decide: (input, state, context) => {
      if (state.orgId !== null && state.orgId !== orgId) throw releaseNotFound();
      const command = typeof input === 'function' ? input(state) : input;
      return releaseDecider.decide(command, state, context);
    },
  };
}

/** Runs release commands for one organisation through the kernel's command path. */
@Injectable()
export class ReleaseStream {
  constructor(@Inject(DeciderCommandRunner) private readonly runner: DeciderCommandRunner) {}

  /**
   * Runs a release command on `catalog-release-<releaseId>` (tenant = orgId) through
   * DeciderCommandRunner, joining the caller's KernelDatabase transaction when one is open; a release
   * of another org → CATALOG.RELEASE_NOT_FOUND (404). A function command gets the folded state first.
   */
  run(
    orgId: string,
    releaseId: string,
    actor: CatalogActor,
    command: ReleaseCommandInput,
  ): Promise<DeciderCommandResult<ReleaseEvent>> {
    return this.runner.run(
      releaseDeciderOf(orgId),
      releaseStreamId(releaseId),
      command,
      catalogMetadata(orgId, actor),
    );
  }
}
