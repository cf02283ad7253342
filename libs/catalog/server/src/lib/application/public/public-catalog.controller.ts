import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import {
  type PublicArtist,
  type PublicRelease,
  type PublicReleaseSummary,
  TERRITORY_HEADER,
} from '@bandstand/catalog/contracts';
import { Public } from '@bandstand/shared/access';
import { APP_CONFIG } from '@bandstand/shared/config';
import { type Page, pageLimit } from '@bandstand/shared/contracts';
import { PublicReleaseListQueryDto } from './public-catalog.dto';
import { decodeReleaseCursor, PublicCatalogQueries } from './public-catalog.queries';
import { type TerritoryConfig, viewerTerritory } from './viewer-territory';

/**
 * The viewer's territory, noting in `Vary` that the answer depends on it (for caches in front of the
 * api), on 404s too: what is hidden in one territory may be visible in another.
 */
export function answeredForTerritory(
  request: FastifyRequest,
  reply: FastifyReply,
  config: TerritoryConfig,
): string {
  reply.header('vary', TERRITORY_HEADER);
  return viewerTerritory(request, config);
}

/**
 * The public catalog fans browse (`/api/v1/catalog`), open to everyone: releases visible in the
 * viewer's territory now, in their newest published version, and their artists.
 * Every answer depends on the territory (see {@link answeredForTerritory}).
 */
@ApiTags('catalog')
@Controller('catalog')
export class PublicCatalogController {
  constructor(
    @Inject(PublicCatalogQueries) private readonly queries: PublicCatalogQueries,
    @Inject(APP_CONFIG) private readonly config: TerritoryConfig,
  ) {}

  @Public()
  @Get('releases')
  @ApiOperation({ summary: 'Releases visible in your territory, newest release date first' })
  releases(
    @Query() query: PublicReleaseListQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Page<PublicReleaseSummary>> {
    const territory = this.territoryOf(request, reply);
    const cursor = query.cursor === undefined ? null : decodeReleaseCursor(query.cursor);
    return this.queries.releases(territory, cursor, pageLimit(query.limit));
  }

  @Public()
  @Get('releases/:releaseId')
  @ApiOperation({ summary: 'A release as published, when visible in your territory' })
  @ApiNotFoundResponse({
    description: 'CATALOG.RELEASE_NOT_FOUND: unknown, or not visible in your territory now.',
  })
  release(
    @Param('releaseId') releaseId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicRelease> {
    return this.queries.release(releaseId, this.territoryOf(request, reply));
  }

  @Public()
  @Get('artists/:artistId')
  @ApiOperation({ summary: 'An artist with their releases visible in your territory' })
  @ApiNotFoundResponse({
    description: 'CATALOG.ARTIST_NOT_FOUND: unknown, or no release visible in your territory.',
  })
  artist(
    @Param('artistId') artistId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicArtist> {
    return this.queries.artist(artistId, this.territoryOf(request, reply));
  }

  private territoryOf(request: FastifyRequest, reply: FastifyReply): string {
    return answeredForTerritory(request, reply, this.config);
  }
}
