import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type DependencyHealth, type HealthReport, healthReport } from '@bandstand/shared/contracts';
import { DEPENDENCY_CHECKS, type DependencyCheck } from './dependency-check';
import { type AppLogger } from './logger';
import { MetricsService } from './metrics.service';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions, ROOT_LOGGER } from './observability.options';

const DEFAULT_RETRY_MS = 2000;
const DEFAULT_TIMEOUT_MS = 3000;

class CheckTimedOut extends Error {
  constructor(name: string, timeoutMs: number) {
    super(`${name} did not answer within ${timeoutMs} ms`);
    this.name = 'CheckTimedOut';
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message.length > 0) return error.message;
  return String(error);
}

/**
 * Runs the process's dependency checks now and every DEPENDENCY_RETRY_MS, keeps the last report
 * for readiness, and logs only changes: one error line when a dependency goes down (its check's
 * message says what is missing and how to provide it), one info line when it is back. A process
 * whose PostgreSQL or Redis is missing keeps running and recovers on its own.
 */
@Injectable()
export class DependencyMonitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly retryMs: number;
  private readonly timeoutMs: number;
  private readonly service: string;
  private readonly known = new Map<string, DependencyHealth>();
  private report: HealthReport;
  private inFlight: Promise<HealthReport> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    @Inject(DEPENDENCY_CHECKS) private readonly checks: readonly DependencyCheck[],
    @Inject(ROOT_LOGGER) private readonly logger: AppLogger,
    private readonly metrics: MetricsService,
    @Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions,
  ) {
    this.retryMs = options.dependencyRetryMs ?? DEFAULT_RETRY_MS;
    this.timeoutMs = options.dependencyTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.service = options.service;
    this.report = healthReport(
      this.service,
      new Date(),
      checks.map((check) => ({
        name: check.name,
        status: 'down',
        message: `${check.name} has not been checked yet`,
      })),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    this.stopped = false;
    await this.checkNow();
    this.schedule();
  }

  // The ORM and the Redis check close their connections in onApplicationShutdown: a round still
  // running then would log a false "not reachable" and flip the metric, so the monitor stops and
  // lets its last round finish one phase earlier.
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /**
   * Stops the periodic checks and resolves once a round in progress has finished; afterwards
   * {@link checkNow} answers the last report without checking again.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /** The report of the last completed round of checks. */
  lastReport(): HealthReport {
    return this.report;
  }

  /**
   * Runs every check now (joining a round already running) and returns the fresh report; once
   * stopped, returns the running round's or the last report instead.
   */
  checkNow(): Promise<HealthReport> {
    if (this.stopped) return this.inFlight ?? Promise.resolve(this.report);
    this.inFlight ??= this.runRound().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.checkNow().finally(() => this.schedule());
    }, this.retryMs);
    // The timer alone never keeps the process alive: shutdown must not wait for it.
    this.timer.unref();
  }

  private async runRound(): Promise<HealthReport> {
    const results = await Promise.all(this.checks.map((check) => this.runCheck(check)));
    for (const result of results) this.record(result);
    this.report = healthReport(this.service, new Date(), results);
    return this.report;
  }

  private async runCheck(check: DependencyCheck): Promise<DependencyHealth> {
    const started = performance.now();
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        check.check(),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new CheckTimedOut(check.name, this.timeoutMs)), this.timeoutMs);
        }),
      ]);
      return { name: check.name, status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return {
        name: check.name,
        status: 'down',
        message: messageOf(error),
        latencyMs: Math.round(performance.now() - started),
      };
    } finally {
      clearTimeout(timeout);
    }
  }

  private record(result: DependencyHealth): void {
    const previous = this.known.get(result.name);
    this.known.set(result.name, result);
    this.metrics.setDependencyUp(result.name, result.status === 'up');
    if (previous?.status === result.status) return;
    const fields = { dependency: result.name, latencyMs: result.latencyMs };
    if (result.status === 'down') {
      this.logger.error(
        { ...fields, retryMs: this.retryMs },
        `${result.message ?? `${result.name} is down`} — retrying every ${this.retryMs} ms; readiness answers 503 until it is back`,
      );
    } else if (previous === undefined) {
      this.logger.info(fields, `${result.name} is reachable`);
    } else {
      this.logger.info(fields, `${result.name} is reachable again`);
    }
  }
}
