import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { CurrentPrincipal, OrgAccess, type Principal } from '@bandstand/shared/access';
import { type Page, pageLimit } from '@bandstand/shared/contracts';
import { Idempotent } from '@bandstand/shared/event-store';
import { type ChangePlan, type ChangePlanItem } from '@bandstand/catalog/contracts';
import { userActor } from '../releases/release-stream';
import { BatchEdits } from './batch-edits.service';
import { ChangePlans } from './change-plans.service';
import { BatchEditDto, PlanItemsQueryDto } from './plans.dto';

/**
 * Batch edits and the change plans they (and imports) preview: read a plan and its items, apply it
 * all or nothing, or discard it.
 */
@ApiTags('catalog')
@Controller('orgs')
export class ChangePlansController {
  constructor(
    @Inject(ChangePlans) private readonly plans: ChangePlans,
    @Inject(BatchEdits) private readonly batchEdits: BatchEdits,
  ) {}

  @OrgAccess('catalog.write')
  @Post(':orgId/catalog/batch-edits')
  @Idempotent()
  @ApiOperation({ summary: 'Preview one change to many tracks or releases as a change plan' })
  batchEdit(
    @Param('orgId') orgId: string,
    @Body() body: BatchEditDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ChangePlan> {
    return this.batchEdits.preview(orgId, body, userActor(principal.userId, request.id));
  }

  @OrgAccess('catalog.read')
  @Get(':orgId/catalog/plans/:planId')
  @ApiOperation({ summary: 'A change plan with its summary, errors and first items' })
  plan(@Param('orgId') orgId: string, @Param('planId') planId: string): Promise<ChangePlan> {
    return this.plans.get(orgId, planId);
  }

  @OrgAccess('catalog.read')
  @Get(':orgId/catalog/plans/:planId/items')
  @ApiOperation({ summary: "A change plan's items in order, a cursor page at a time" })
  items(
    @Param('orgId') orgId: string,
    @Param('planId') planId: string,
    @Query() query: PlanItemsQueryDto,
  ): Promise<Page<ChangePlanItem>> {
    return this.plans.items(orgId, planId, query.cursor, pageLimit(query.limit));
  }

  @OrgAccess('catalog.write')
  @Post(':orgId/catalog/plans/:planId/apply')
  @HttpCode(HttpStatus.OK)
  @Idempotent()
  @ApiOperation({ summary: 'Apply an open plan, all or nothing; refused when stale, expired or with errors' })
  apply(
    @Param('orgId') orgId: string,
    @Param('planId') planId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ChangePlan> {
    return this.plans.apply(orgId, planId, userActor(principal.userId, request.id));
  }

  @OrgAccess('catalog.write')
  @Delete(':orgId/catalog/plans/:planId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Idempotent()
  @ApiOperation({ summary: 'Discard an open plan' })
  async discard(@Param('orgId') orgId: string, @Param('planId') planId: string): Promise<void> {
    await this.plans.discard(orgId, planId);
  }
}
