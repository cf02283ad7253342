import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { type AuditEvent, type Page } from '@bandstand/shared/contracts';

const POSITION = { type: String, pattern: '^\\d+$', example: '1042' } as const;

/** OpenAPI description of {@link AuditEvent}. */
@ApiSchema({ name: 'AuditEvent', description: 'One stored event, exactly as stored.' })
export class AuditEventDto implements AuditEvent {
  @ApiProperty({ ...POSITION, description: 'Place in the global log (64-bit, a decimal string).' })
  readonly globalPosition!: string;

  @ApiProperty({ ...POSITION, example: '7731', description: 'Transaction id (xid8) that wrote it.' })
  readonly transactionId!: string;

  @ApiProperty({ example: 'identity-user-7f3c' })
  readonly streamId!: string;

  @ApiProperty({ minimum: 1, example: 3 })
  readonly streamVersion!: number;

  @ApiProperty({ format: 'uuid' })
  readonly eventId!: string;

  @ApiProperty({ example: 'StaffRoleGranted' })
  readonly type!: string;

  @ApiProperty({ minimum: 1, example: 1, description: 'The schema version the data was written at.' })
  readonly schemaVersion!: number;

  @ApiProperty({ description: 'The data as stored (any JSON value); sealed fields stay sealed.' })
  readonly data!: unknown;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Further metadata.' })
  readonly extra!: Readonly<Record<string, unknown>>;

  @ApiProperty()
  readonly correlationId!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly causationId!: string | null;

  @ApiProperty({ example: 'user:7f3c' })
  readonly actor!: string;

  @ApiProperty({ type: String, nullable: true })
  readonly tenantId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly recordedAt!: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'HMAC-SHA256 under the event store key, hex.' })
  readonly hash!: string;
}

/** OpenAPI description of a page of {@link AuditEvent}s. */
@ApiSchema({ name: 'AuditEventPage' })
export class AuditEventPageDto implements Page<AuditEvent> {
  @ApiProperty({ type: [AuditEventDto], description: 'Newest first.' })
  readonly items!: AuditEventDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next (older) page; null on the last page.',
    example: 'YXVkaXQ6MTA0Mg',
  })
  readonly nextCursor!: string | null;
}
