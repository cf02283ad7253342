import { Controller, Get } from '@nestjs/common';
import { Public } from '@bandstand/shared/access';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ServiceMeta } from '@bandstand/shared/contracts';
import { BUILD_VERSION, SERVICE_NAME } from '../build-info';
import { ServiceMetaDto } from './service-meta.dto';

/** What the running api says about itself: consoles show the version, operators check a rollout. */
@ApiTags('meta')
@Public()
@Controller('meta')
export class MetaController {
  @Get()
  @ApiOperation({ summary: 'Name, version, Node.js version and uptime of the running api' })
  @ApiOkResponse({ type: ServiceMetaDto })
  meta(): ServiceMeta {
    return {
      service: SERVICE_NAME,
      version: BUILD_VERSION,
      node: process.version,
      uptimeSeconds: Math.round(process.uptime() * 10) / 10,
    };
  }
}
