import { Body, Controller, Get, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { CurrentPrincipal, OrgAccess, type Principal } from '@bandstand/shared/access';
import { type Page, pageLimit } from '@bandstand/shared/contracts';
import { Idempotent } from '@bandstand/shared/event-store';
import { type Artist } from '@bandstand/catalog/contracts';
import { catalogActorOf } from '../releases/releases.controller';
import { CatalogPageQueryDto } from '../releases/releases.dto';
import { ArtistDto } from './artists.dto';
import { ArtistsQueries } from './artists.queries';
import { CreateArtist } from './create-artist/create-artist.command';
import { UpdateArtist } from './update-artist/update-artist.command';

/** An organisation's artist profiles (a label has many). */
@ApiTags('catalog')
@Controller('orgs/:orgId/catalog/artists')
export class ArtistsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ArtistsQueries) private readonly queries: ArtistsQueries,
  ) {}

  @OrgAccess('catalog.read')
  @Get()
  @ApiOperation({ summary: 'Artists by name, a cursor page at a time' })
  list(@Param('orgId') orgId: string, @Query() query: CatalogPageQueryDto): Promise<Page<Artist>> {
    return this.queries.list(orgId, query.cursor, pageLimit(query.limit));
  }

  @OrgAccess('catalog.write')
  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create an artist profile' })
  async create(
    @Param('orgId') orgId: string,
    @Body() body: ArtistDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<Artist> {
    const { artistId } = await this.commands.execute(
      new CreateArtist(orgId, { ...body }, catalogActorOf(principal, request)),
    );
    return this.queries.artist(orgId, artistId);
  }

  @OrgAccess('catalog.read')
  @Get(':artistId')
  @ApiOperation({ summary: 'One artist profile' })
  get(@Param('orgId') orgId: string, @Param('artistId') artistId: string): Promise<Artist> {
    return this.queries.artist(orgId, artistId);
  }

  @OrgAccess('catalog.write')
  @Patch(':artistId')
  @Idempotent()
  @ApiOperation({ summary: "Replace an artist's profile (every field)" })
  async update(
    @Param('orgId') orgId: string,
    @Param('artistId') artistId: string,
    @Body() body: ArtistDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<Artist> {
    await this.commands.execute(
      new UpdateArtist(orgId, artistId, { ...body }, catalogActorOf(principal, request)),
    );
    return this.queries.artist(orgId, artistId);
  }
}
