import { Controller, Get, Inject, Param, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { CATALOG_ERROR_CODES } from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import { Public } from '@bandstand/shared/access';
import { APP_CONFIG } from '@bandstand/shared/config';
import { AssetContent } from '../assets/asset-content.service';
import { replyWithAsset } from '../assets/asset-reply';
import { answeredForTerritory } from './public-catalog.controller';
import { PublicCatalogQueries } from './public-catalog.queries';
import { type TerritoryConfig } from './viewer-territory';

/** How long browsers and caches may keep an artwork before asking again (its ETag answers 304). */
export const ARTWORK_CACHE_CONTROL = 'public, max-age=300';

/**
 * Artwork fans may load (`/api/v1/catalog/artwork/:assetId`): only the cover of the published
 * version of a release visible in their territory, so an upload for a coming release or a draft's
 * new cover stays private. Content never changes under an asset id, so its hash is its ETag.
 */
@ApiTags('catalog')
@Controller('catalog')
export class PublicArtworkController {
  constructor(
    @Inject(PublicCatalogQueries) private readonly queries: PublicCatalogQueries,
    @Inject(AssetContent) private readonly assets: AssetContent,
    @Inject(APP_CONFIG) private readonly config: TerritoryConfig,
  ) {}

  @Public()
  @Get('artwork/:assetId')
  @ApiOperation({ summary: 'The artwork of a release visible in your territory' })
  @ApiOkResponse({ description: 'The image, cacheable for 5 minutes, with its ETag.' })
  @ApiNotFoundResponse({ description: 'CATALOG.ASSET_NOT_FOUND: not the artwork of a release you can see.' })
  async artwork(
    @Param('assetId') assetId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const territory = answeredForTerritory(request, reply, this.config);
    if (!(await this.queries.isVisibleArtwork(assetId, territory))) {
      throw new CatalogError(CATALOG_ERROR_CODES.assetNotFound, 'No such artwork', { status: 404 });
    }
    return replyWithAsset(request, reply, await this.assets.open(assetId), ARTWORK_CACHE_CONTROL);
  }
}
