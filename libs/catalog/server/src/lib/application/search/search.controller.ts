import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type SearchHit, TERRITORY_HEADER } from '@bandstand/catalog/contracts';
import { OrgAccess, Public } from '@bandstand/shared/access';
import { APP_CONFIG } from '@bandstand/shared/config';
import { type TerritoryConfig, viewerTerritory } from '../public/viewer-territory';
import { SearchQueryDto } from './search.dto';
import { checkedSearchText, DEFAULT_SEARCH_LIMIT, SearchQueries, type SearchRequest } from './search.queries';

function searchRequest(query: SearchQueryDto): SearchRequest {
  return {
    q: checkedSearchText(query.q),
    kind: query.kind ?? null,
    limit: query.limit ?? DEFAULT_SEARCH_LIMIT,
  };
}

/**
 * Catalog search: a team searches its organisation's catalog (drafts included), fans the public
 * catalog (what is visible in their territory now). Titles in any script and their translations,
 * artists, and identifiers with or without their separators; small typos are forgiven.
 */
@ApiTags('catalog')
@Controller()
export class SearchController {
  constructor(
    @Inject(SearchQueries) private readonly queries: SearchQueries,
    @Inject(APP_CONFIG) private readonly config: TerritoryConfig,
  ) {}

  @OrgAccess('catalog.read')
  @Get('orgs/:orgId/catalog/search')
  @ApiOperation({ summary: "Search the organisation's releases, tracks and artists, drafts included" })
  orgSearch(@Param('orgId') orgId: string, @Query() query: SearchQueryDto): Promise<SearchHit[]> {
    return this.queries.orgSearch(orgId, searchRequest(query));
  }

  @Public()
  @Get('catalog/search')
  @ApiOperation({ summary: 'Search releases, tracks and artists visible in your territory' })
  publicSearch(
    @Query() query: SearchQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SearchHit[]> {
    // The answer depends on the territory, also for caches in front of the api.
    reply.header('vary', TERRITORY_HEADER);
    return this.queries.publicSearch(viewerTerritory(request, this.config), searchRequest(query));
  }
}
