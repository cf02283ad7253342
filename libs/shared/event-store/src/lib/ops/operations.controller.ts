import { Controller, Get, Header, HttpCode, HttpStatus, Inject, Param, Post, Query } from '@nestjs/common';
import { StaffAccess } from '@bandstand/shared/access';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  type KernelOperationsOverview,
  type Page,
  type ParkedEventView,
  type SubscriptionOperationsView,
} from '@bandstand/shared/contracts';
import {
  KernelOperationsOverviewDto,
  ParkedEventDto,
  ParkedEventPageDto,
  SubscriptionOperationsDto,
} from './kernel-operations.response.dto';
import { OperationsService } from './operations.service';
import { ParkedEventsQueryDto } from './parked-events.query.dto';

const NAME_PARAM = { name: 'name', description: 'The subscription name.', example: 'catalog.release-list' };
const UNKNOWN_SUBSCRIPTION = { description: 'KERNEL.UNKNOWN_SUBSCRIPTION: no subscription of that name.' };

/**
 * The kernel's operational view for the staff console: subscriptions with their lag, the read
 * horizon, parked events and queue depths, and the operator's requests (rebuild, resume, retry),
 * which the subscription runners honour on their next lease renewal.
 *
 * Staff only: reading needs `staff.operations.read`, the operator's requests `staff.operations.act`.
 */
@ApiTags('kernel operations')
@Controller('kernel/operations')
export class OperationsController {
  constructor(@Inject(OperationsService) private readonly operations: OperationsService) {}

  @StaffAccess('staff.operations.read')
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Subscriptions with their lag, the read horizon and who holds it, queue depths' })
  @ApiOkResponse({ type: KernelOperationsOverviewDto })
  overview(): Promise<KernelOperationsOverview> {
    return this.operations.overview();
  }

  @StaffAccess('staff.operations.read')
  @Get('subscriptions/:name')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'One subscription with its lag' })
  @ApiParam(NAME_PARAM)
  @ApiOkResponse({ type: SubscriptionOperationsDto })
  @ApiNotFoundResponse(UNKNOWN_SUBSCRIPTION)
  subscription(@Param('name') name: string): Promise<SubscriptionOperationsView> {
    return this.operations.subscription(name);
  }

  @StaffAccess('staff.operations.read')
  @Get('subscriptions/:name/parked')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Events the subscription parked after its retries, oldest first, a cursor page at a time',
  })
  @ApiParam(NAME_PARAM)
  @ApiOkResponse({ type: ParkedEventPageDto })
  @ApiBadRequestResponse({ description: 'KERNEL.INVALID_CURSOR or VALIDATION.FAILED (limit).' })
  @ApiNotFoundResponse(UNKNOWN_SUBSCRIPTION)
  parked(@Param('name') name: string, @Query() query: ParkedEventsQueryDto): Promise<Page<ParkedEventView>> {
    return this.operations.parked(name, query);
  }

  @StaffAccess('staff.operations.act')
  @Post('subscriptions/:name/rebuild')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Request a rebuild: the runner truncates the projection and replays the log, reporting progress',
  })
  @ApiParam(NAME_PARAM)
  @ApiAcceptedResponse({
    type: SubscriptionOperationsDto,
    description: 'Requested; rebuild.requestedAt is set.',
  })
  @ApiNotFoundResponse(UNKNOWN_SUBSCRIPTION)
  @ApiConflictResponse({ description: 'KERNEL.SUBSCRIPTION_NOT_REBUILDABLE: only projections are rebuilt.' })
  rebuild(@Param('name') name: string): Promise<SubscriptionOperationsView> {
    return this.operations.requestRebuild(name);
  }

  @StaffAccess('staff.operations.act')
  @Post('subscriptions/:name/resume')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Resume a stopped or failed subscriber: its runner retries from its checkpoint' })
  @ApiParam(NAME_PARAM)
  @ApiAcceptedResponse({ type: SubscriptionOperationsDto, description: 'Set running; the error is cleared.' })
  @ApiNotFoundResponse(UNKNOWN_SUBSCRIPTION)
  @ApiConflictResponse({ description: 'KERNEL.SUBSCRIPTION_NOT_RESUMABLE: it is running or rebuilding.' })
  resume(@Param('name') name: string): Promise<SubscriptionOperationsView> {
    return this.operations.resume(name);
  }

  @StaffAccess('staff.operations.act')
  @Post('subscriptions/:name/parked/:position/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Request a retry of a parked event; on success it leaves the parked list' })
  @ApiParam(NAME_PARAM)
  @ApiParam({ name: 'position', description: 'Global position of the parked event.', example: '1042' })
  @ApiAcceptedResponse({ type: ParkedEventDto, description: 'Requested; retryRequestedAt is set.' })
  @ApiNotFoundResponse({
    description:
      'KERNEL.UNKNOWN_SUBSCRIPTION, or KERNEL.UNKNOWN_PARKED_EVENT: nothing parked at that position.',
  })
  retry(@Param('name') name: string, @Param('position') position: string): Promise<ParkedEventView> {
    return this.operations.retryParked(name, position);
  }
}
