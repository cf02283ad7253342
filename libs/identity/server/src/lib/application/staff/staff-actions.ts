import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CommonConfig } from '@bandstand/shared/config';
import { type StaffActor } from './staff-streams';

/** Money or credits a staff action moves, in minor units of a currency (or credit kind). */
export interface StaffActionAmount {
  readonly minor: number;
  readonly currency: string;
}

/**
 * A kind of staff action that may need a second approver. Contexts with money or credit actions
 * (royalties, rewards) register theirs with {@link StaffActions}; the payload is JSON, recorded in
 * the approval request and executed as it is once approved.
 */
export interface StaffAction<Payload = unknown> {
  /** `<context>.<what>`, e.g. `staff.grant-role`. */
  readonly kind: string;
  /** Money or credits moved; null when none. */
  amountOf(payload: Payload): StaffActionAmount | null;
  /**
   * The action's own reasons to need approval (granting `admin`). The registry adds the money
   * rule on top: an amount above the threshold always needs one.
   */
  needsApproval(payload: Payload, thresholdMinor: number): boolean | Promise<boolean>;
  /** One sentence for people: "Grant admin to ana@example.com". */
  summary(payload: Payload): Promise<string> | string;
  /** Does it; runs in the caller's transaction (the approval's, when approved). */
  execute(payload: Payload, context: StaffActionContext): Promise<void>;
}

/** Who asked for an action, who carries it out now, and the approval that allowed it. */
export interface StaffActionContext {
  /** The staff member who asked for it (`system` for the platform). */
  readonly requestedBy: string;
  /** The approval it needed, or null when it needed none. */
  readonly approvalId: string | null;
  /** Who executes it now (the approver, once approved), with the correlation and cause of its events. */
  readonly actor: StaffActor;
}

/** No action of this kind is registered (a programming error, or a context not loaded). */
export class UnknownStaffAction extends Error {
  constructor(kind: string) {
    super(`No staff action "${kind}" is registered`);
    this.name = 'UnknownStaffAction';
  }
}

/**
 * The registry of staff actions and the four-eyes rule: an action needs a second approver when it
 * says so, or when the money or credits it moves exceed STAFF_APPROVAL_THRESHOLD_MINOR.
 */
@Injectable()
export class StaffActions {
  private readonly actions = new Map<string, StaffAction>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<CommonConfig, 'STAFF_APPROVAL_THRESHOLD_MINOR'>,
  ) {}

  /** Adds an action kind; each kind once. */
  register<Payload>(action: StaffAction<Payload>): void {
    if (this.actions.has(action.kind)) throw new Error(`Staff action "${action.kind}" is registered twice`);
    // Methods are bivariant: the payload of a kind only ever reaches that kind's action.
    this.actions.set(action.kind, action);
  }

  /** The registered kinds, in registration order. */
  get kinds(): readonly string[] {
    return [...this.actions.keys()];
  }

  get(kind: string): StaffAction {
    const action = this.actions.get(kind);
    if (action === undefined) throw new UnknownStaffAction(kind);
    return action;
  }

  /** Amounts above this many minor units need a second approver. */
  get thresholdMinor(): number {
    return this.config.STAFF_APPROVAL_THRESHOLD_MINOR;
  }

  /** Whether `payload` of `kind` needs a second approver. */
  async needsApproval(kind: string, payload: unknown): Promise<boolean> {
    const action = this.get(kind);
    const amount = action.amountOf(payload);
    if (amount !== null && amount.minor > this.thresholdMinor) return true;
    return await action.needsApproval(payload, this.thresholdMinor);
  }
}
