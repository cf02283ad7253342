import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAccess } from '@bandstand/shared/access';
import { type AuditEvent, type Page } from '@bandstand/shared/contracts';
import { AuditEventPageDto } from './audit-event.response.dto';
import { AuditEventsQueryDto } from './audit-events.query.dto';
import { AuditLog } from './audit-log.service';

/** The event log for the staff console's Audit page: every stored event, filtered and paged. */
@ApiTags('kernel audit')
@Controller('kernel/events')
export class AuditController {
  constructor(@Inject(AuditLog) private readonly log: AuditLog) {}

  @StaffAccess('staff.audit.read')
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Stored events, newest first, filtered by stream, actor, tenant, type and time (staff auditors)',
    description:
      'Filters are combined with AND. Events are shown exactly as stored (data at its written schema version) with their HMAC.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiBadRequestResponse({
    description:
      'VALIDATION.FAILED naming each field (unknown field, bad date, limit out of range), KERNEL.INVALID_CURSOR, or KERNEL.AUDIT_QUERY_INVALID (to not after from).',
  })
  events(@Query() query: AuditEventsQueryDto): Promise<Page<AuditEvent>> {
    return this.log.events(query);
  }
}
