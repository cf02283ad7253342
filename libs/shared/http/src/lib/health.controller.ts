import { Controller, Get, Header, Inject, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { Public } from '@bandstand/shared/access';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type HealthReport, type LivenessReport } from '@bandstand/shared/contracts';
import {
  DependencyMonitor,
  OBSERVABILITY_OPTIONS,
  type ObservabilityOptions,
} from '@bandstand/shared/observability';
import { type FastifyReply } from 'fastify';
import { HealthReportDto, LivenessReportDto } from './health.dto';

/**
 * Liveness and readiness for orchestrators and `npm start`: live answers as long as the process
 * does; ready runs the dependency checks and answers 503, naming what is down, until all are up.
 * Unversioned: probes are configured once and must survive API versions.
 */
@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly monitor: DependencyMonitor,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  @Get('live')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Whether the process is up (it answers even when its dependencies are down)' })
  @ApiOkResponse({ type: LivenessReportDto })
  live(): LivenessReport {
    return {
      status: 'up',
      service: this.options.service,
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
    };
  }

  @Get('ready')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Whether every dependency (PostgreSQL, Redis) is reachable' })
  @ApiOkResponse({ type: HealthReportDto, description: 'Every dependency is up.' })
  @ApiServiceUnavailableResponse({
    type: HealthReportDto,
    description: 'At least one dependency is down; each says how to provide it.',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.monitor.checkNow();
    if (report.status !== 'up') reply.status(503);
    return report;
  }
}
