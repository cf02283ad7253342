import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  INTEGRITY_PROBLEM_KINDS,
  type IntegrityProblem,
  type IntegrityProblemKind,
  type IntegrityReport,
  type SealSummary,
} from '@bandstand/shared/contracts';
import { type SealAnchor } from './integrity-verifier.service';

/** Events one verification over HTTP checks when the request names no limit. */
export const DEFAULT_HTTP_VERIFY_MAX_EVENTS = 250_000;

/** Most events one verification over HTTP may check; the CLI has no limit. */
export const MAX_HTTP_VERIFY_MAX_EVENTS = 5_000_000;

/** A seal recorded earlier, to check the log against. */
@ApiSchema({ name: 'SealAnchor' })
export class SealAnchorDto implements SealAnchor {
  @ApiProperty({ minimum: 1, example: 42 })
  @IsInt()
  @Min(1)
  readonly sealNumber!: number;

  @ApiProperty({ description: 'The chain of that seal, as latest-seal reported it (64 hex digits).' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'chain must be 64 hexadecimal digits' })
  readonly chain!: string;
}

/** Body of POST /kernel/integrity/verifications. */
@ApiSchema({ name: 'StartIntegrityVerification' })
export class StartVerificationDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_HTTP_VERIFY_MAX_EVENTS,
    default: DEFAULT_HTTP_VERIFY_MAX_EVENTS,
    description: 'Stop after about this many events; the report then says complete: false.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HTTP_VERIFY_MAX_EVENTS)
  readonly maxEvents?: number;

  @ApiPropertyOptional({
    type: SealAnchorDto,
    description:
      'A seal recorded earlier: the verification fails if it is gone or changed (a truncated log).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SealAnchorDto)
  readonly anchor?: SealAnchorDto;
}

/** OpenAPI description of {@link IntegrityProblem}. */
@ApiSchema({ name: 'IntegrityProblem' })
export class IntegrityProblemDto implements IntegrityProblem {
  @ApiProperty({
    enum: INTEGRITY_PROBLEM_KINDS,
    example: 'changed',
    description:
      'changed: content no longer matches its HMAC; removed: gone from a seal or a gap in its stream; reordered: stored at another place than signed or sealed; seal-broken: a seal changed or removed; stream-version-mismatch: a version stored twice.',
  })
  readonly kind!: IntegrityProblemKind;

  @ApiPropertyOptional({ description: 'Global position (64-bit, as a decimal string).', example: '1042' })
  readonly globalPosition?: string;

  @ApiPropertyOptional({ example: 'payout-7f3c' })
  readonly streamId?: string;

  @ApiPropertyOptional({ example: 3 })
  readonly streamVersion?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  readonly eventId?: string;

  @ApiPropertyOptional({ example: 2 })
  readonly sealNumber?: number;

  @ApiProperty({
    example: 'Its content (data, type, metadata, time) or hash no longer matches its HMAC: it was changed',
  })
  readonly detail!: string;
}

/** OpenAPI description of {@link SealSummary}. */
@ApiSchema({ name: 'SealSummary' })
export class SealSummaryDto implements SealSummary {
  @ApiProperty({ example: 42 })
  readonly sealNumber!: number;

  @ApiProperty({ example: 1000 })
  readonly eventCount!: number;

  @ApiProperty({ example: '42000' })
  readonly lastGlobalPosition!: string;

  @ApiProperty({ example: '90211' })
  readonly lastTransactionId!: string;

  @ApiProperty({ description: 'HMAC chained over every seal so far (hex). Record it to detect truncation.' })
  readonly chain!: string;

  @ApiProperty({ format: 'date-time' })
  readonly sealedAt!: string;
}

/** OpenAPI description of {@link IntegrityReport}. */
@ApiSchema({ name: 'IntegrityReport' })
export class IntegrityReportDto implements IntegrityReport {
  @ApiProperty({ description: 'Nothing was found wrong in what was checked.' })
  readonly intact!: boolean;

  @ApiProperty({ description: 'False when the event limit stopped the verification before the end.' })
  readonly complete!: boolean;

  @ApiProperty()
  readonly checkedEvents!: number;

  @ApiProperty({ description: 'Distinct streams of the stored events.' })
  readonly checkedStreams!: number;

  @ApiProperty({ description: 'Seals checked.' })
  readonly seals!: number;

  @ApiProperty({
    description:
      'Checked events that no seal covers yet: removing the last events of their streams among these cannot be detected.',
  })
  readonly unsealedEvents!: number;

  @ApiProperty()
  readonly problemCount!: number;

  @ApiPropertyOptional({ type: IntegrityProblemDto, description: 'The earliest problem in commit order.' })
  readonly firstProblem?: IntegrityProblemDto;

  @ApiProperty({ type: [IntegrityProblemDto], description: 'The earliest problems, at most 100.' })
  readonly problems!: IntegrityProblemDto[];

  @ApiPropertyOptional({ type: SealSummaryDto })
  readonly latestSeal?: SealSummaryDto;

  @ApiProperty({ format: 'date-time' })
  readonly startedAt!: string;

  @ApiProperty({ format: 'date-time' })
  readonly finishedAt!: string;
}
