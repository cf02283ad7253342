import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_FILTER_MAX_LENGTH,
  type AuditEventQuery,
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
} from '@bandstand/shared/contracts';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { isIsoTimestamp } from './iso-timestamp';

/** An ISO 8601 date, or date and time with its offset (`VALIDATION.IS_ISO_TIMESTAMP`). */
function IsIsoTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoTimestamp',
      validator: {
        validate: (value: unknown) => isIsoTimestamp(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'The value'} must be an ISO 8601 date (2026-11-21) or date and time with an offset (2026-11-21T10:00:00Z)`,
      },
    },
    options,
  );
}

const TEXT_FILTER = { maxLength: AUDIT_FILTER_MAX_LENGTH } as const;

/** Query of `GET /kernel/events`: filters combined with AND, and a cursor page. */
export class AuditEventsQueryDto implements AuditEventQuery {
  @ApiPropertyOptional({ ...TEXT_FILTER, description: 'Exactly this stream.', example: 'identity-user-7f3c' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(AUDIT_FILTER_MAX_LENGTH)
  readonly streamId?: string;

  @ApiPropertyOptional({
    ...TEXT_FILTER,
    description: 'Streams whose id starts with this (taken literally: % and _ are not wildcards).',
    example: 'identity-org-',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(AUDIT_FILTER_MAX_LENGTH)
  readonly streamPrefix?: string;

  @ApiPropertyOptional({
    ...TEXT_FILTER,
    description: 'Who caused the events, exactly.',
    example: 'user:7f3c',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(AUDIT_FILTER_MAX_LENGTH)
  readonly actor?: string;

  @ApiPropertyOptional({ ...TEXT_FILTER, description: 'The tenant (organisation or user id), exactly.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(AUDIT_FILTER_MAX_LENGTH)
  readonly tenantId?: string;

  @ApiPropertyOptional({
    ...TEXT_FILTER,
    description: 'The event type, exactly.',
    example: 'StaffRoleGranted',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(AUDIT_FILTER_MAX_LENGTH)
  readonly type?: string;

  @ApiPropertyOptional({
    description:
      'Recorded at or after this moment: an ISO 8601 date (midnight UTC) or date-time with offset.',
    example: '2026-11-21T00:00:00Z',
  })
  @IsOptional()
  @IsIsoTimestamp()
  readonly from?: string;

  @ApiPropertyOptional({
    description: 'Recorded before this moment (exclusive), in the same form as `from`.',
    example: '2026-11-22T00:00:00Z',
  })
  @IsOptional()
  @IsIsoTimestamp()
  readonly to?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  readonly limit?: number;
}
