import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { type SearchHit, type SearchQuery } from '@bandstand/catalog/contracts';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, MAX_SEARCH_QUERY_LENGTH } from './search.queries';

const KINDS: readonly SearchHit['kind'][] = ['release', 'track', 'artist'];

/**
 * Query of GET …/catalog/search. `q` is only typed here: its length is checked after trimming by the
 * handler, which answers CATALOG.INVALID_QUERY rather than a generic validation error.
 */
export class SearchQueryDto implements Partial<SearchQuery> {
  @ApiPropertyOptional({
    description: `What to look for: a title in any script, an artist, an ISRC, UPC, ISWC or ISNI (1–${MAX_SEARCH_QUERY_LENGTH} characters).`,
  })
  @IsOptional()
  @IsString()
  readonly q?: string;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS)
  readonly kind?: SearchHit['kind'];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_LIMIT)
  readonly limit?: number;
}
