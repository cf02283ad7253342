import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type PageRequest } from '@bandstand/shared/contracts';
import {
  type CalendarQuery,
  type CreateReleaseRequest,
  type PublishVersionRequest,
  type ReleaseDraftInput,
  type ReleaseListQuery,
  RELEASE_STATUSES,
  type ReleaseStatus,
  type ReviseDraftRequest,
  type ScheduleReleaseRequest,
  type TakeDownRequest,
  type TrackListQuery,
} from '@bandstand/catalog/contracts';

/** Longest note kept with a version, and longest takedown reason. */
export const NOTE_MAX_LENGTH = 500;
/** Longest id or cursor a query may carry. */
const ID_MAX_LENGTH = 200;
const CURSOR_MAX_LENGTH = 1_000;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Body of POST …/releases. The draft's own fields are checked by the domain's parser. */
export class CreateReleaseDto implements CreateReleaseRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A ReleaseDraftInput.' })
  @IsObject()
  readonly draft!: ReleaseDraftInput;
}

/** Body of PUT …/releases/:releaseId/draft. */
export class ReviseDraftDto implements ReviseDraftRequest {
  @ApiProperty({ minimum: 1, description: 'The revision the client edited.' })
  @IsInt()
  @Min(1)
  readonly expectedRevision!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole ReleaseDraftInput.' })
  @IsObject()
  readonly draft!: ReleaseDraftInput;
}

/** Body of POST …/releases/:releaseId/versions. */
export class PublishVersionDto implements PublishVersionRequest {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  readonly expectedRevision!: number;

  @ApiPropertyOptional({ maxLength: NOTE_MAX_LENGTH, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  readonly note?: string | null;
}

/** Body of PUT …/releases/:releaseId/schedule; the domain's parser checks every instant and territory. */
export class ScheduleReleaseDto implements ScheduleReleaseRequest {
  @ApiProperty({ example: '2027-05-07T00:00:00+02:00', description: 'An instant with an offset.' })
  @IsString()
  readonly releaseAt!: string;

  @ApiPropertyOptional({ type: [String], example: ['WW'] })
  @IsOptional()
  @IsArray()
  readonly territories?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  readonly excludedTerritories?: string[];

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  @IsOptional()
  @IsArray()
  readonly territoryReleases?: ScheduleReleaseRequest['territoryReleases'];

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  @IsOptional()
  @IsArray()
  readonly embargoes?: ScheduleReleaseRequest['embargoes'];
}

/** Body of POST …/releases/:releaseId/takedown. */
export class TakeDownDto implements TakeDownRequest {
  @ApiProperty({ maxLength: NOTE_MAX_LENGTH, example: 'Rights dispute' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NOTE_MAX_LENGTH)
  readonly reason!: string;
}

/** A cursor page: `cursor` is the `nextCursor` of the previous page. */
export class CatalogPageQueryDto implements PageRequest {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  readonly cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  readonly limit?: number;
}

/** Query of GET …/releases. */
export class ReleaseListQueryDto extends CatalogPageQueryDto implements ReleaseListQuery {
  @ApiPropertyOptional({ enum: RELEASE_STATUSES })
  @IsOptional()
  @IsIn(RELEASE_STATUSES)
  readonly status?: ReleaseStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX_LENGTH)
  readonly artistId?: string;
}

/** Query of GET …/tracks. */
export class TrackListQueryDto extends CatalogPageQueryDto implements TrackListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX_LENGTH)
  readonly releaseId?: string;

  @ApiPropertyOptional({ description: 'Part of a title or artist line, or an ISRC.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly q?: string;
}

/** Query of GET …/releases/:releaseId/compare. */
export class CompareQueryDto {
  @ApiProperty({ example: 'v1', description: '`draft`, `v<version>` or `r<revision>`.' })
  @IsString()
  @MaxLength(20)
  readonly from!: string;

  @ApiProperty({ example: 'draft' })
  @IsString()
  @MaxLength(20)
  readonly to!: string;
}

/** Query of GET …/calendar: instants or dates, at most a year apart. */
export class CalendarQueryDto implements CalendarQuery {
  @ApiProperty({ example: '2027-05-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  readonly from!: string;

  @ApiProperty({ example: '2027-06-01T00:00:00Z' })
  @IsISO8601({ strict: true })
  readonly to!: string;
}
