import { Controller, Get, Inject, Param, Post, Query, Req, Res, type StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { CurrentPrincipal, OrgAccess, type Principal } from '@bandstand/shared/access';
import { hasRawBody, RawBody, readRequestBody } from '@bandstand/shared/http';
import {
  type Asset,
  type AssetKind,
  CATALOG_ERROR_CODES,
  MAX_ARTWORK_BYTES,
  MAX_AUDIO_BYTES,
} from '@bandstand/catalog/contracts';
import { CatalogError } from '@bandstand/catalog/domain';
import { userActor } from '../releases/release-stream';
import { AssetContent } from './asset-content.service';
import { replyWithAsset } from './asset-reply';
import { UploadAssetQueryDto } from './assets.dto';
import { AssetsQueries } from './assets.queries';
import { StoreAsset } from './store-asset/store-asset.command';

/** Largest upload of each kind, in bytes. */
export const MAX_ASSET_BYTES: Readonly<Record<AssetKind, number>> = {
  artwork: MAX_ARTWORK_BYTES,
  audio: MAX_AUDIO_BYTES,
};

/** How the team's browsers may keep a download: content never changes under an asset id. */
export const ASSET_CACHE_CONTROL = 'private, max-age=3600';

function payloadTooLarge(kind: AssetKind): CatalogError {
  const megabytes = MAX_ASSET_BYTES[kind] / (1024 * 1024);
  return new CatalogError(
    CATALOG_ERROR_CODES.payloadTooLarge,
    `A ${kind} file may be at most ${megabytes} MB`,
    {
      status: 413,
    },
  );
}

/**
 * An organisation's artwork and audio files: upload (catalog.write) with the body as the file,
 * its type read from the content; metadata and download (catalog.read). Another organisation's
 * asset is not found.
 */
@ApiTags('catalog')
@Controller('orgs/:orgId/catalog/assets')
export class AssetsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(AssetsQueries) private readonly queries: AssetsQueries,
    @Inject(AssetContent) private readonly content: AssetContent,
  ) {}

  // Not @Idempotent: its transaction would stay open for the whole upload, and the key's fingerprint
  // does not cover a raw body. A repeated upload only makes a second asset that nothing names.
  @OrgAccess('catalog.write')
  @RawBody()
  @Post()
  @ApiConsumes('image/png', 'image/jpeg', 'audio/flac', 'audio/wav', 'application/octet-stream')
  @ApiOperation({
    summary: 'Upload artwork (square JPEG/PNG of at least 1400 px) or audio (FLAC/WAV); the body is the file',
  })
  async upload(
    @Param('orgId') orgId: string,
    @Query() query: UploadAssetQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<Asset> {
    if (!hasRawBody(request)) {
      throw new CatalogError(
        CATALOG_ERROR_CODES.unsupportedMediaType,
        'Send the file itself as the body, with an image/*, audio/* or application/octet-stream Content-Type',
        { status: 415, field: 'contentType' },
      );
    }
    const content = await readRequestBody(request, MAX_ASSET_BYTES[query.kind], () =>
      payloadTooLarge(query.kind),
    );
    return this.commands.execute(
      new StoreAsset(orgId, query.kind, content, userActor(principal.userId, request.id)),
    );
  }

  @OrgAccess('catalog.read')
  @Get(':assetId')
  @ApiOperation({ summary: 'What an uploaded file is: type, size, hash, pixels or length' })
  async get(@Param('orgId') orgId: string, @Param('assetId') assetId: string): Promise<Asset> {
    return (await this.queries.find(assetId, orgId)).asset;
  }

  @OrgAccess('catalog.read')
  @Get(':assetId/content')
  @ApiOperation({ summary: 'The uploaded file itself; its SHA-256 is its ETag' })
  async download(
    @Param('orgId') orgId: string,
    @Param('assetId') assetId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    return replyWithAsset(request, reply, await this.content.open(assetId, orgId), ASSET_CACHE_CONTROL);
  }
}
