import { type Decider, type DomainEvent } from '@bandstand/shared/domain';
import { Inject } from '@nestjs/common';
import { type CommandMetadata } from './command-metadata';
import {
  DeciderCommandRunner,
  type DeciderCommandResult,
  type RunCommandOptions,
} from './decider-command-runner';

/** Where a command goes: its stream, what the decider is asked, and the metadata of the events. */
export interface DeciderCall<DomainCommand> {
  readonly streamId: string;
  readonly command: DomainCommand;
  readonly metadata: CommandMetadata;
  readonly options?: RunCommandOptions;
}

/**
 * Base of a context's `@CommandHandler` for a decider: it says which stream a command addresses and
 * what the decider is asked, and {@link DeciderCommandRunner} does the rest.
 *
 *     @CommandHandler(AcceptSplitSheet)
 *     export class AcceptSplitSheetHandler extends DeciderCommandHandler<AcceptSplitSheet, SplitSheetCommand, SplitSheetEvent, SplitSheetState> {
 *       protected readonly decider = splitSheetDecider;
 *       protected route(command: AcceptSplitSheet) {
 *         return { streamId: streamId('splitSheet', command.sheetId), command: command.toDomain(), metadata: command.metadata };
 *       }
 *     }
 */
export abstract class DeciderCommandHandler<Command, DomainCommand, Event extends DomainEvent, State> {
  protected abstract readonly decider: Decider<DomainCommand, Event, State>;

  constructor(@Inject(DeciderCommandRunner) protected readonly runner: DeciderCommandRunner) {}

  protected abstract route(command: Command): DeciderCall<DomainCommand>;

  execute(command: Command): Promise<DeciderCommandResult<Event>> {
    const call = this.route(command);
    return this.runner.run(this.decider, call.streamId, call.command, call.metadata, call.options);
  }
}
