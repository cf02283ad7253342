import { Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import { type KernelOperationsOverview, type SubscriptionStatus } from '@bandstand/shared/contracts';
import { METRIC_PREFIX, MetricsService } from '@bandstand/shared/observability';
import { Gauge } from 'prom-client';
import { KERNEL_ROLE, type KernelRole } from '../kernel.tokens';
import { OperationsService } from './operations.service';

const SUBSCRIPTION_LABELS = ['subscription', 'kind'] as const;
const STATUSES: readonly SubscriptionStatus[] = ['running', 'rebuilding', 'stopped', 'failed'];
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused'] as const;
const OUTBOX_STATUSES = ['pending', 'dispatched', 'failed'] as const;

type SubscriptionLabel = (typeof SUBSCRIPTION_LABELS)[number];

/** The gauges of the operational view, named as Prometheus shows them. */
export const OPERATIONS_METRIC_NAMES = {
  lagSeconds: `${METRIC_PREFIX}kernel_subscription_lag_seconds`,
  eventsBehind: `${METRIC_PREFIX}kernel_subscription_events_behind`,
  checkpointPosition: `${METRIC_PREFIX}kernel_subscription_checkpoint_position`,
  parkedEvents: `${METRIC_PREFIX}kernel_subscription_parked_events`,
  status: `${METRIC_PREFIX}kernel_subscription_status`,
  horizonHeldSeconds: `${METRIC_PREFIX}kernel_read_horizon_held_seconds`,
  horizonEventsWaiting: `${METRIC_PREFIX}kernel_read_horizon_events_waiting`,
  up: `${METRIC_PREFIX}kernel_operations_up`,
  queueJobs: `${METRIC_PREFIX}queue_jobs`,
  queueOutboxJobs: `${METRIC_PREFIX}queue_outbox_jobs`,
} as const;

/**
 * Exposes the operational view as Prometheus gauges, read from PostgreSQL (and the queues) when
 * Prometheus scrapes: one overview per scrape, shared by every gauge. Registered in the worker
 * only, where the runners live, so that a fleet of api replicas does not run the lag queries on
 * every scrape. A scrape while PostgreSQL is down leaves the gauges empty rather than failing the
 * whole /metrics answer: `bandstand_kernel_operations_up` then says 0.
 */
@Injectable()
export class OperationsMetrics implements OnModuleInit {
  private readonly logger = new Logger(OperationsMetrics.name);
  private inflight: Promise<void> | undefined;
  private failing = false;
  private gauges:
    | {
        readonly lagSeconds: Gauge<SubscriptionLabel>;
        readonly eventsBehind: Gauge<SubscriptionLabel>;
        readonly checkpointPosition: Gauge<SubscriptionLabel>;
        readonly parkedEvents: Gauge<SubscriptionLabel>;
        readonly status: Gauge<SubscriptionLabel | 'status'>;
        readonly horizonHeldSeconds: Gauge;
        readonly horizonEventsWaiting: Gauge;
        readonly up: Gauge;
        readonly queueJobs: Gauge<'queue' | 'state'>;
        readonly queueOutboxJobs: Gauge<'queue' | 'status'>;
      }
    | undefined;

  constructor(
    @Inject(OperationsService) private readonly operations: OperationsService,
    @Optional() @Inject(MetricsService) private readonly metrics?: MetricsService,
    @Optional() @Inject(KERNEL_ROLE) private readonly role?: KernelRole,
  ) {}

  onModuleInit(): void {
    if (this.role === 'worker') this.register();
  }

  /** Adds the gauges to the process's registry (done on init in the worker). */
  register(): void {
    if (this.gauges !== undefined || this.metrics === undefined) return;
    const registers = [this.metrics.registry];
    const collect = (): Promise<void> => this.refresh();
    const subscriptionGauge = (name: string, help: string): Gauge<SubscriptionLabel> =>
      new Gauge({ name, help, labelNames: SUBSCRIPTION_LABELS, registers, collect });
    this.gauges = {
      lagSeconds: subscriptionGauge(
        OPERATIONS_METRIC_NAMES.lagSeconds,
        'Seconds since the oldest event a subscription has not processed yet was recorded (0 when caught up).',
      ),
      eventsBehind: subscriptionGauge(
        OPERATIONS_METRIC_NAMES.eventsBehind,
        'Events after a subscription checkpoint, counted up to 100000 (at least that many beyond).',
      ),
      checkpointPosition: subscriptionGauge(
        OPERATIONS_METRIC_NAMES.checkpointPosition,
        'Global position of the last event a subscription has processed.',
      ),
      parkedEvents: subscriptionGauge(
        OPERATIONS_METRIC_NAMES.parkedEvents,
        'Events a subscription gave up on after its retries, waiting for an operator.',
      ),
      status: new Gauge({
        name: OPERATIONS_METRIC_NAMES.status,
        help: 'A subscription status: 1 for the status it is in, 0 for the others.',
        labelNames: [...SUBSCRIPTION_LABELS, 'status'],
        registers,
        collect,
      }),
      horizonHeldSeconds: new Gauge({
        name: OPERATIONS_METRIC_NAMES.horizonHeldSeconds,
        help: 'Age of the transaction holding the read horizon back (it stalls every subscription); 0 when none.',
        registers,
        collect,
      }),
      horizonEventsWaiting: new Gauge({
        name: OPERATIONS_METRIC_NAMES.horizonEventsWaiting,
        help: 'Committed events no subscription can read yet because an older transaction is still running.',
        registers,
        collect,
      }),
      up: new Gauge({
        name: OPERATIONS_METRIC_NAMES.up,
        help: 'Whether the last scrape could read the operational view (1) or not (0, the other kernel gauges are then empty or 0).',
        registers,
        collect,
      }),
      queueJobs: new Gauge({
        name: OPERATIONS_METRIC_NAMES.queueJobs,
        help: 'Jobs in a queue (BullMQ, in Redis), by state.',
        labelNames: ['queue', 'state'],
        registers,
        collect,
      }),
      queueOutboxJobs: new Gauge({
        name: OPERATIONS_METRIC_NAMES.queueOutboxJobs,
        help: "A queue's unfinished jobs in the kernel's job outbox (PostgreSQL), by status.",
        labelNames: ['queue', 'status'],
        registers,
        collect,
      }),
    };
  }

  // Every gauge's collect runs at once when the registry renders: they all wait for one overview.
  private refresh(): Promise<void> {
    this.inflight ??= this.collectOnce().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async collectOnce(): Promise<void> {
    const gauges = this.gauges;
    if (gauges === undefined) return;
    let overview: KernelOperationsOverview | undefined;
    try {
      overview = await this.operations.overview();
      if (this.failing) this.logger.log('The operational metrics can be read again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) {
        this.logger.warn(
          `The operational metrics could not be read, leaving them empty until they can: ${String(error)}`,
        );
      }
      this.failing = true;
    }
    for (const gauge of Object.values(gauges)) gauge.reset();
    gauges.up.set(overview === undefined ? 0 : 1);
    if (overview === undefined) return;
    for (const subscription of overview.subscriptions) {
      const labels = { subscription: subscription.name, kind: subscription.kind };
      gauges.lagSeconds.set(labels, subscription.lagSeconds);
      gauges.eventsBehind.set(labels, subscription.eventsBehind);
      gauges.checkpointPosition.set(labels, Number(subscription.checkpoint.globalPosition));
      gauges.parkedEvents.set(labels, subscription.parkedCount);
      for (const status of STATUSES) {
        gauges.status.set({ ...labels, status }, subscription.status === status ? 1 : 0);
      }
    }
    gauges.horizonHeldSeconds.set(overview.horizon.holder?.ageSeconds ?? 0);
    gauges.horizonEventsWaiting.set(overview.horizon.eventsWaiting);
    if (overview.queues.status === 'ok') {
      for (const depth of overview.queues.queues) {
        for (const state of QUEUE_STATES) gauges.queueJobs.set({ queue: depth.queue, state }, depth[state]);
        for (const status of OUTBOX_STATUSES) {
          gauges.queueOutboxJobs.set({ queue: depth.queue, status }, depth.outbox[status]);
        }
      }
    }
  }
}
