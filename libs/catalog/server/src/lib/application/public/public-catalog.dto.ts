import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, type PageRequest } from '@bandstand/shared/contracts';
import { PUBLIC_RELEASE_CURSOR_PATTERN } from './public-catalog.queries';

/** Query of GET /catalog/releases: a cursor page, newest release date first. */
export class PublicReleaseListQueryDto implements PageRequest {
  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @Matches(PUBLIC_RELEASE_CURSOR_PATTERN, { message: 'cursor must be the nextCursor of a previous page' })
  readonly cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  readonly limit?: number;
}
