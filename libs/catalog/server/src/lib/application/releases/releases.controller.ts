import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { CurrentPrincipal, OrgAccess, type Principal } from '@bandstand/shared/access';
import { type Page, pageLimit } from '@bandstand/shared/contracts';
import { Idempotent } from '@bandstand/shared/event-store';
import {
  type ReleaseComparison,
  type ReleaseDetail,
  type ReleaseHistoryEntry,
  type ReleaseSummary,
  type ReleaseVersion,
  type ReleaseVersionSummary,
} from '@bandstand/catalog/contracts';
import { CreateRelease } from './create-release/create-release.command';
import { DeleteRelease } from './delete-release/delete-release.command';
import { PublishVersion } from './publish-version/publish-version.command';
import { ReinstateRelease } from './reinstate-release/reinstate-release.command';
import { ReleaseNow } from './release-now/release-now.command';
import { type CatalogActor, userActor } from './release-stream';
import {
  CatalogPageQueryDto,
  CompareQueryDto,
  CreateReleaseDto,
  PublishVersionDto,
  ReleaseListQueryDto,
  ReviseDraftDto,
  ScheduleReleaseDto,
  TakeDownDto,
} from './releases.dto';
import { ReleasesQueries } from './releases.queries';
import { ReviseDraft } from './revise-draft/revise-draft.command';
import { ScheduleRelease } from './schedule-release/schedule-release.command';
import { TakeDownRelease } from './take-down-release/take-down-release.command';
import { UnscheduleRelease } from './unschedule-release/unschedule-release.command';

/** The signed-in caller as the actor of a catalog command, under the request's correlation id. */
export function catalogActorOf(principal: Principal, request: FastifyRequest): CatalogActor {
  return userActor(principal.userId, request.id);
}

/**
 * An organisation's releases for its team: drafts (catalog.write), versions, schedules and the
 * lifecycle (catalog.publish), and every read (catalog.read). Ids of another organisation are not found.
 */
@ApiTags('catalog')
@Controller('orgs/:orgId/catalog/releases')
export class ReleasesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ReleasesQueries) private readonly queries: ReleasesQueries,
  ) {}

  @OrgAccess('catalog.read')
  @Get()
  @ApiOperation({
    summary: 'Releases, most recently changed first, by status or artist, a cursor page at a time',
  })
  list(@Param('orgId') orgId: string, @Query() query: ReleaseListQueryDto): Promise<Page<ReleaseSummary>> {
    return this.queries.list(
      orgId,
      {
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.artistId === undefined ? {} : { artistId: query.artistId }),
      },
      query.cursor,
      pageLimit(query.limit),
    );
  }

  @OrgAccess('catalog.write')
  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a release from a draft' })
  async create(
    @Param('orgId') orgId: string,
    @Body() body: CreateReleaseDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ReleaseDetail> {
    const { releaseId } = await this.commands.execute(
      new CreateRelease(orgId, body.draft, catalogActorOf(principal, request)),
    );
    return this.queries.detail(orgId, releaseId);
  }

  @OrgAccess('catalog.read')
  @Get(':releaseId')
  @ApiOperation({ summary: 'One release: its draft, schedule and versions' })
  get(@Param('orgId') orgId: string, @Param('releaseId') releaseId: string): Promise<ReleaseDetail> {
    return this.queries.detail(orgId, releaseId);
  }

  @OrgAccess('catalog.write')
  @Put(':releaseId/draft')
  @Idempotent()
  @ApiOperation({ summary: 'Replace the draft (from the revision the client edited)' })
  async revise(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @Body() body: ReviseDraftDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ReleaseDetail> {
    await this.commands.execute(
      new ReviseDraft(
        orgId,
        releaseId,
        body.expectedRevision,
        body.draft,
        catalogActorOf(principal, request),
      ),
    );
    return this.queries.detail(orgId, releaseId);
  }

  @OrgAccess('catalog.publish')
  @Delete(':releaseId')
  @Idempotent()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete the release; its UPC and ISRCs become free' })
  async delete(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.commands.execute(new DeleteRelease(orgId, releaseId, catalogActorOf(principal, request)));
  }

  @OrgAccess('catalog.publish')
  @Post(':releaseId/versions')
  @Idempotent()
  @ApiOperation({ summary: 'Publish the draft as the next version' })
  async publish(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @Body() body: PublishVersionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ReleaseDetail> {
    await this.commands.execute(
      new PublishVersion(
        orgId,
        releaseId,
        body.expectedRevision,
        body.note ?? null,
        catalogActorOf(principal, request),
      ),
    );
    return this.queries.detail(orgId, releaseId);
  }

  @OrgAccess('catalog.read')
  @Get(':releaseId/versions')
  @ApiOperation({ summary: 'The published versions, newest first' })
  versions(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
  ): Promise<ReleaseVersionSummary[]> {
    return this.queries.versions(orgId, releaseId);
  }

  @OrgAccess('catalog.read')
  @Get(':releaseId/versions/:version')
  @ApiOperation({ summary: 'One published version with its metadata' })
  version(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<ReleaseVersion> {
    return this.queries.version(orgId, releaseId, version);
  }

  @OrgAccess('catalog.read')
  @Get(':releaseId/history')
  @ApiOperation({ summary: 'Every change of the release, newest first, revisions with their field changes' })
  history(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @Query() query: CatalogPageQueryDto,
  ): Promise<Page<ReleaseHistoryEntry>> {
    return this.queries.history(orgId, releaseId, query.cursor, pageLimit(query.limit));
  }

  @OrgAccess('catalog.read')
  @Get(':releaseId/compare')
  @ApiOperation({ summary: 'What changed between two states: `draft`, `v<version>` or `r<revision>`' })
  compare(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @Query() query: CompareQueryDto,
  ): Promise<ReleaseComparison> {
    return this.queries.compare(orgId, releaseId, query.from, query.to);
  }

  @OrgAccess('catalog.publish')
  @Put(':releaseId/schedule')
  @Idempotent()
  @ApiOperation({
    summary: 'Schedule the release (publishing the draft first when needed), or change its schedule',
  })
  async schedule(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @Body() body: ScheduleReleaseDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ReleaseDetail> {
    await this.commands.execute(
      new ScheduleRelease(orgId, releaseId, { ...body }, catalogActorOf(principal, request)),
    );
    return this.queries.detail(orgId, releaseId);
  }

  @OrgAccess('catalog.publish')
  @Delete(':releaseId/schedule')
  @Idempotent()
  @ApiOperation({ summary: 'Take the release back to draft' })
  async unschedule(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ReleaseDetail> {
    await this.commands.execute(new UnscheduleRelease(orgId, releaseId, catalogActorOf(principal, request)));
    return this.queries.detail(orgId, releaseId);
  }

  @OrgAccess('catalog.publish')
  @Post(':releaseId/release')
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Release now' })
  async releaseNow(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ReleaseDetail> {
    await this.commands.execute(new ReleaseNow(orgId, releaseId, catalogActorOf(principal, request)));
    return this.queries.detail(orgId, releaseId);
  }

  @OrgAccess('catalog.publish')
  @Post(':releaseId/takedown')
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take the release down everywhere' })
  async takeDown(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @Body() body: TakeDownDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ReleaseDetail> {
    await this.commands.execute(
      new TakeDownRelease(orgId, releaseId, body.reason, catalogActorOf(principal, request)),
    );
    return this.queries.detail(orgId, releaseId);
  }

  @OrgAccess('catalog.publish')
  @Post(':releaseId/reinstate')
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reinstate a taken-down release to its status before' })
  async reinstate(
    @Param('orgId') orgId: string,
    @Param('releaseId') releaseId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ReleaseDetail> {
    await this.commands.execute(new ReinstateRelease(orgId, releaseId, catalogActorOf(principal, request)));
    return this.queries.detail(orgId, releaseId);
  }
}
