import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { type ServiceMeta } from '@bandstand/shared/contracts';

/** OpenAPI description of {@link ServiceMeta}. */
@ApiSchema({ name: 'ServiceMeta' })
export class ServiceMetaDto implements ServiceMeta {
  @ApiProperty({ example: 'api' })
  readonly service!: string;

  @ApiProperty({ description: 'Bandstand release the process was built from.', example: '0.1.0' })
  readonly version!: string;

  @ApiProperty({ description: 'Node.js version.', example: 'v24.9.0' })
  readonly node!: string;

  @ApiProperty({ description: 'Seconds since the process started.', example: 3600.5 })
  readonly uptimeSeconds!: number;
}
