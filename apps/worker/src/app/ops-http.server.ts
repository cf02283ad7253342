import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectConfig, type WorkerConfig } from '@bandstand/shared/config';
import {
  type LivenessReport,
  httpErrorCode,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  problemType,
} from '@bandstand/shared/contracts';
import {
  type AppLogger,
  DependencyMonitor,
  InjectLogger,
  MetricsService,
  newCorrelationId,
} from '@bandstand/shared/observability';
import { SERVICE_NAME } from './service-name';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The worker's only HTTP surface, on METRICS_HOST:METRICS_PORT: /health/live, /health/ready (503
 * naming what is down) and /metrics for Prometheus. Plain node:http: the worker has no web
 * framework, and probes must answer even when everything else is stuck.
 */
@Injectable()
export class OpsHttpServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server: Server | undefined;

  constructor(
    @InjectConfig() private readonly config: WorkerConfig,
    @Inject(DependencyMonitor) private readonly monitor: DependencyMonitor,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @InjectLogger() private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.logger.error({ err: error, url: request.url }, 'Health/metrics request failed');
        if (!response.headersSent)
          this.problem(response, 500, request.url ?? '/', 'The request could not be answered');
        else response.destroy();
      });
    });
    // A probe holds no keep-alive worth waiting for at shutdown.
    server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.METRICS_PORT, this.config.METRICS_HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const { address, port } = this.address();
    this.logger.info(
      { host: address, port },
      `Health and metrics on http://${address}:${port} (/health/live, /health/ready, /metrics)`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  /** Where the server listens; throws before it does. */
  address(): AddressInfo {
    const address = this.server?.address();
    if (address === null || address === undefined || typeof address === 'string')
      throw new Error('The health server is not listening');
    return address;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://worker').pathname;
    const known = path === '/health/live' || path === '/health/ready' || path === '/metrics';
    if (!known)
      return this.problem(
        response,
        404,
        path,
        `No resource at ${path}: try /health/live, /health/ready or /metrics`,
      );
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return this.problem(
        response,
        405,
        path,
        `${request.method ?? 'This method'} is not allowed on ${path}: use GET`,
      );
    }
    if (path === '/health/live') {
      const report: LivenessReport = {
        status: 'up',
        service: SERVICE_NAME,
        uptimeSeconds: Math.round(process.uptime() * 10) / 10,
      };
      return this.send(response, request, 200, JSON_TYPE, JSON.stringify(report));
    }
    if (path === '/health/ready') {
      const report = await this.monitor.checkNow();
      return this.send(
        response,
        request,
        report.status === 'up' ? 200 : 503,
        JSON_TYPE,
        JSON.stringify(report),
      );
    }
    return this.send(response, request, 200, this.metrics.contentType, await this.metrics.render());
  }

  private send(
    response: ServerResponse,
    request: IncomingMessage,
    status: number,
    contentType: string,
    body: string,
  ): void {
    response.writeHead(status, {
      'content-type': contentType,
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(body),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  private problem(response: ServerResponse, status: number, instance: string, detail: string): void {
    const code = httpErrorCode(status);
    const body: ProblemDetails = {
      type: problemType(code),
      title: status === 404 ? 'Not found' : status === 405 ? 'Method not allowed' : 'Internal error',
      status,
      detail,
      instance,
      code,
      correlationId: newCorrelationId(),
    };
    const text = JSON.stringify(body);
    // Merged with headers set before (allow), as node:http does.
    response.writeHead(status, {
      'content-type': PROBLEM_CONTENT_TYPE,
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  }
}
