import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  type DependencyHealth,
  type HealthReport,
  type HealthStatus,
  type LivenessReport,
} from '@bandstand/shared/contracts';

/** OpenAPI description of {@link DependencyHealth}. */
@ApiSchema({ name: 'DependencyHealth' })
export class DependencyHealthDto implements DependencyHealth {
  @ApiProperty({ example: 'postgres' })
  readonly name!: string;

  @ApiProperty({ enum: ['up', 'down'], example: 'down' })
  readonly status!: HealthStatus;

  @ApiPropertyOptional({
    description: 'When down: what is unreachable and how to provide it.',
    example:
      'PostgreSQL at 127.0.0.1:5432 is not reachable (ECONNREFUSED): start it (docker compose up -d postgres) or point DATABASE_URL at your server',
  })
  readonly message?: string;

  @ApiPropertyOptional({ example: 3 })
  readonly latencyMs?: number;
}

/** OpenAPI description of {@link HealthReport}. */
@ApiSchema({ name: 'HealthReport' })
export class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: ['up', 'down'], description: 'up only when every dependency is up.' })
  readonly status!: HealthStatus;

  @ApiProperty({ example: 'api' })
  readonly service!: string;

  @ApiProperty({ format: 'date-time' })
  readonly checkedAt!: string;

  @ApiProperty({ type: [DependencyHealthDto] })
  readonly dependencies!: DependencyHealthDto[];
}

/** OpenAPI description of {@link LivenessReport}. */
@ApiSchema({ name: 'LivenessReport' })
export class LivenessReportDto implements LivenessReport {
  @ApiProperty({ enum: ['up'] })
  readonly status!: 'up';

  @ApiProperty({ example: 'api' })
  readonly service!: string;

  @ApiProperty({ example: 42.5 })
  readonly uptimeSeconds!: number;
}
