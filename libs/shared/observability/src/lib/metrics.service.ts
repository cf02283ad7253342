import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prefix of every metric Bandstand exposes. */
export const METRIC_PREFIX = 'bandstand_';

/** One finished HTTP request, as measured by the HTTP layer. */
export interface HttpRequestObservation {
  readonly method: string;
  /** The route pattern (`/api/v1/releases/:id`), never the raw URL, to keep label sets bounded. */
  readonly route: string;
  readonly statusCode: number;
  readonly durationSeconds: number;
}

/**
 * The process's Prometheus metrics, in a registry of its own (so two apps in one test process
 * never collide): Node process metrics plus Bandstand's own, all prefixed `bandstand_` and
 * labelled with the service.
 */
export class MetricsService {
  readonly registry = new Registry();

  private readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly dependencyUp: Gauge<'dependency'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
    this.httpRequestDuration = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'Duration of HTTP requests, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.dependencyUp = new Gauge({
      name: `${METRIC_PREFIX}dependency_up`,
      help: 'Whether a backing service answered its last check (1) or not (0).',
      labelNames: ['dependency'],
      registers: [this.registry],
    });
  }

  /** Records one finished HTTP request. */
  observeHttpRequest(observation: HttpRequestObservation): void {
    this.httpRequestDuration.observe(
      { method: observation.method, route: observation.route, status_code: String(observation.statusCode) },
      observation.durationSeconds,
    );
  }

  /** Records the result of a dependency check. */
  setDependencyUp(dependency: string, up: boolean): void {
    this.dependencyUp.set({ dependency }, up ? 1 : 0);
  }

  /** Media type of {@link render}'s output. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text exposition format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
