import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  type HorizonHolderView,
  type KernelOperationsOverview,
  type LogHeadView,
  type LogPositionView,
  type Page,
  type ParkedEventView,
  type QueueDepthsView,
  type OutboxJobCounts,
  type QueueDepth,
  type ReadHorizonView,
  type SubscriptionErrorView,
  type SubscriptionKind,
  type SubscriptionLeaseView,
  type SubscriptionOperationsView,
  type SubscriptionRebuildView,
  type SubscriptionStatus,
} from '@bandstand/shared/contracts';

const POSITION = { type: String, pattern: '^\\d+$', example: '1042' } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;
const NULLABLE_DATE_TIME = { ...DATE_TIME, nullable: true } as const;

/** OpenAPI description of {@link LogPositionView}. */
@ApiSchema({ name: 'LogPosition', description: 'A place in the global log in commit order.' })
export class LogPositionDto implements LogPositionView {
  @ApiProperty({ ...POSITION, example: '7731', description: 'Transaction id (xid8) of the event.' })
  readonly transactionId!: string;

  @ApiProperty({ ...POSITION, description: 'Global position of the event.' })
  readonly globalPosition!: string;
}

/** OpenAPI description of {@link LogHeadView}. */
@ApiSchema({ name: 'LogHead', description: 'The newest event in commit order.' })
export class LogHeadDto extends LogPositionDto implements LogHeadView {
  @ApiProperty(DATE_TIME)
  readonly recordedAt!: string;
}

/** OpenAPI description of {@link SubscriptionLeaseView}. */
@ApiSchema({ name: 'SubscriptionLease' })
export class SubscriptionLeaseDto implements SubscriptionLeaseView {
  @ApiProperty({ example: 'worker-7f9c:41:1a2b3c4d', description: 'The runner holding the lease.' })
  readonly owner!: string;

  @ApiProperty(DATE_TIME)
  readonly expiresAt!: string;

  @ApiProperty({ description: 'False once the lease ran out without renewal.' })
  readonly live!: boolean;
}

/** OpenAPI description of {@link SubscriptionRebuildView}. */
@ApiSchema({ name: 'SubscriptionRebuild' })
export class SubscriptionRebuildDto implements SubscriptionRebuildView {
  @ApiProperty({ ...NULLABLE_DATE_TIME, description: 'Set while a requested rebuild has not started yet.' })
  readonly requestedAt!: string | null;

  @ApiProperty(NULLABLE_DATE_TIME)
  readonly startedAt!: string | null;

  @ApiProperty(NULLABLE_DATE_TIME)
  readonly finishedAt!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 52000 })
  readonly done!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 120000,
    description: 'Events in the log when it started.',
  })
  readonly total!: number | null;
}

/** OpenAPI description of {@link SubscriptionErrorView}. */
@ApiSchema({ name: 'SubscriptionError' })
export class SubscriptionErrorDto implements SubscriptionErrorView {
  @ApiProperty({ example: 'Event 1042 (ReleaseRenamed, release-7): duplicate key value' })
  readonly message!: string;

  @ApiProperty(NULLABLE_DATE_TIME)
  readonly at!: string | null;
}

/** OpenAPI description of {@link SubscriptionOperationsView}. */
@ApiSchema({
  name: 'SubscriptionOperations',
  description: 'An asynchronous projection, processor or kernel subscriber.',
})
export class SubscriptionOperationsDto implements SubscriptionOperationsView {
  @ApiProperty({ example: 'catalog.release-list' })
  readonly name!: string;

  @ApiProperty({ enum: ['projection', 'processor', 'system'] })
  readonly kind!: SubscriptionKind;

  @ApiProperty({ example: 3 })
  readonly definitionVersion!: number;

  @ApiProperty({ enum: ['running', 'rebuilding', 'stopped', 'failed'] })
  readonly status!: SubscriptionStatus;

  @ApiProperty({ type: LogPositionDto, description: 'The last event processed.' })
  readonly checkpoint!: LogPositionDto;

  @ApiProperty({ example: 120000 })
  readonly eventsHandled!: number;

  @ApiProperty({ example: 12, description: 'Events after the checkpoint, counted up to 100000.' })
  readonly eventsBehind!: number;

  @ApiProperty({ description: 'True when the count hit its cap: at least that many.' })
  readonly eventsBehindCapped!: boolean;

  @ApiProperty({ example: 0.4, description: 'Seconds since the oldest unprocessed event was recorded.' })
  readonly lagSeconds!: number;

  @ApiProperty(NULLABLE_DATE_TIME)
  readonly oldestUnprocessedAt!: string | null;

  @ApiProperty(NULLABLE_DATE_TIME)
  readonly lastEventRecordedAt!: string | null;

  @ApiProperty(NULLABLE_DATE_TIME)
  readonly lastHandledAt!: string | null;

  @ApiProperty({ type: SubscriptionLeaseDto, nullable: true })
  readonly lease!: SubscriptionLeaseDto | null;

  @ApiProperty({ type: SubscriptionRebuildDto })
  readonly rebuild!: SubscriptionRebuildDto;

  @ApiProperty({ type: SubscriptionErrorDto, nullable: true })
  readonly lastError!: SubscriptionErrorDto | null;

  @ApiProperty({ example: 0 })
  readonly parkedCount!: number;

  @ApiProperty(DATE_TIME)
  readonly updatedAt!: string;
}

/** OpenAPI description of {@link HorizonHolderView}. */
@ApiSchema({ name: 'HorizonHolder', description: 'The transaction that holds the read horizon back.' })
export class HorizonHolderDto implements HorizonHolderView {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4242,
    description: 'Null for a prepared transaction.',
  })
  readonly pid!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'bandstand' })
  readonly database!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'bandstand' })
  readonly user!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'psql' })
  readonly applicationName!: string | null;

  @ApiProperty({ example: 'idle in transaction' })
  readonly state!: string;

  @ApiProperty(NULLABLE_DATE_TIME)
  readonly transactionStartedAt!: string | null;

  @ApiProperty({ example: 93.5 })
  readonly ageSeconds!: number;

  @ApiProperty(NULLABLE_DATE_TIME)
  readonly queryStartedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly preparedTransaction!: string | null;
}

/** OpenAPI description of {@link ReadHorizonView}. */
@ApiSchema({
  name: 'ReadHorizon',
  description:
    'Subscribers read only events of transactions older than the oldest one still running; a transaction left open stalls them all.',
})
export class ReadHorizonDto implements ReadHorizonView {
  @ApiProperty({ ...POSITION, example: '7731', description: 'pg_snapshot_xmin(pg_current_snapshot()).' })
  readonly transactionId!: string;

  @ApiProperty({ example: 0, description: 'Committed events no subscriber can read yet (capped at 100000).' })
  readonly eventsWaiting!: number;

  @ApiProperty()
  readonly eventsWaitingCapped!: boolean;

  @ApiProperty({ type: HorizonHolderDto, nullable: true })
  readonly holder!: HorizonHolderDto | null;
}

/** OpenAPI description of {@link OutboxJobCounts}. */
@ApiSchema({
  name: 'OutboxJobCounts',
  description: "A queue's unfinished jobs in the kernel's job outbox (PostgreSQL).",
})
export class OutboxJobCountsDto implements OutboxJobCounts {
  @ApiProperty({ description: 'Scheduled, not yet handed to BullMQ.' })
  readonly pending!: number;

  @ApiProperty({ description: 'Handed to BullMQ, not finished.' })
  readonly dispatched!: number;

  @ApiProperty({ description: 'Failed after their last attempt.' })
  readonly failed!: number;

  @ApiProperty({ ...NULLABLE_DATE_TIME, description: 'When the oldest pending job was scheduled.' })
  readonly oldestPendingAt!: string | null;
}

/** OpenAPI description of {@link QueueDepth}. */
@ApiSchema({ name: 'QueueDepth', description: "A queue's jobs by state in BullMQ, and its outbox." })
export class QueueDepthDto implements QueueDepth {
  @ApiProperty({ example: 'royalties.ingest' })
  readonly queue!: string;

  @ApiProperty({ description: 'Ready to run, prioritized ones included.' })
  readonly waiting!: number;

  @ApiProperty()
  readonly active!: number;

  @ApiProperty({ description: 'Scheduled for later, or backing off before a retry.' })
  readonly delayed!: number;

  @ApiProperty({ description: 'Failed for good and still kept by BullMQ.' })
  readonly failed!: number;

  @ApiProperty({ description: 'Completed and still kept by BullMQ.' })
  readonly completed!: number;

  @ApiProperty({ description: 'Held while the queue is paused.' })
  readonly paused!: number;

  @ApiProperty({ type: OutboxJobCountsDto })
  readonly outbox!: OutboxJobCountsDto;
}

/** OpenAPI description of {@link QueueDepthsView}. */
@ApiSchema({ name: 'QueueDepths', description: 'The queues, or why they are not known.' })
export class QueueDepthsDto {
  @ApiProperty({ enum: ['ok', 'unavailable', 'not-configured'] })
  readonly status!: QueueDepthsView['status'];

  @ApiPropertyOptional({ type: [QueueDepthDto], description: 'When ok.' })
  readonly queues?: QueueDepthDto[];

  @ApiPropertyOptional({
    description: 'When unavailable.',
    example: 'Redis at 127.0.0.1:6379 is not reachable',
  })
  readonly reason?: string;
}

/** OpenAPI description of {@link KernelOperationsOverview}. */
@ApiSchema({ name: 'KernelOperationsOverview' })
export class KernelOperationsOverviewDto implements Omit<KernelOperationsOverview, 'queues'> {
  @ApiProperty(DATE_TIME)
  readonly generatedAt!: string;

  @ApiProperty({ type: LogHeadDto, nullable: true, description: 'Null while the log is empty.' })
  readonly head!: LogHeadDto | null;

  @ApiProperty({ type: ReadHorizonDto })
  readonly horizon!: ReadHorizonDto;

  @ApiProperty({ type: [SubscriptionOperationsDto] })
  readonly subscriptions!: SubscriptionOperationsDto[];

  @ApiProperty({ type: QueueDepthsDto })
  readonly queues!: QueueDepthsDto;
}

/** OpenAPI description of {@link ParkedEventView}. */
@ApiSchema({ name: 'ParkedEvent' })
export class ParkedEventDto implements ParkedEventView {
  @ApiProperty({ example: 'catalog.release-list' })
  readonly subscription!: string;

  @ApiProperty(POSITION)
  readonly globalPosition!: string;

  @ApiProperty({ ...POSITION, example: '7731' })
  readonly transactionId!: string;

  @ApiProperty({ format: 'uuid' })
  readonly eventId!: string;

  @ApiProperty({ example: 'ReleaseRenamed' })
  readonly eventType!: string;

  @ApiProperty({ example: 'release-7' })
  readonly streamId!: string;

  @ApiProperty({ example: 5 })
  readonly attempts!: number;

  @ApiProperty({ example: 'duplicate key value violates unique constraint' })
  readonly error!: string;

  @ApiProperty(DATE_TIME)
  readonly parkedAt!: string;

  @ApiProperty({ ...NULLABLE_DATE_TIME, description: 'Set while a retry is requested and not tried yet.' })
  readonly retryRequestedAt!: string | null;
}

/** OpenAPI description of a page of {@link ParkedEventView}s. */
@ApiSchema({ name: 'ParkedEventPage' })
export class ParkedEventPageDto implements Page<ParkedEventView> {
  @ApiProperty({ type: [ParkedEventDto] })
  readonly items!: ParkedEventDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
    example: 'cGFya2VkOjEwNDI',
  })
  readonly nextCursor!: string | null;
}
