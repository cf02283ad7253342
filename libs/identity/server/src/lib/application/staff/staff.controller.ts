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
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal, StaffAccess } from '@bandstand/shared/access';
import { type Page, pageLimit } from '@bandstand/shared/contracts';
import { Idempotent } from '@bandstand/shared/event-store';
import { correlationIdOf } from '@bandstand/shared/http';
import {
  type StaffActionResult,
  type StaffApproval,
  type StaffUserSummary,
} from '@bandstand/identity/contracts';
import { DecideApproval } from './decide-approval/decide-approval.command';
import { GrantStaffRole } from './grant-staff-role/grant-staff-role.command';
import { RevokeStaffRole } from './revoke-staff-role/revoke-staff-role.command';
import { RevokeUserSessions } from './revoke-user-sessions/revoke-user-sessions.command';
import {
  ApprovalsQueryDto,
  GrantStaffRoleDto,
  RejectApprovalDto,
  StaffRoleParamsDto,
  StaffUsersQueryDto,
} from './staff.dto';
import { StaffQueries, type StaffUserDetail } from './staff.queries';
import { type StaffActor } from './staff-streams';

function staffActor(principal: Principal, request: FastifyRequest): StaffActor {
  return { userId: principal.userId, correlationId: correlationIdOf(request) };
}

/**
 * The staff console's users, roles and second-approver requests. Every route needs a staff
 * permission; granting admin (and every registered money action above the threshold) goes through
 * an approval by a second staff member.
 */
@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(StaffQueries) private readonly queries: StaffQueries,
  ) {}

  @StaffAccess('staff.users.read')
  @Get('users')
  @ApiOperation({ summary: 'Users newest first; search by the start of an e-mail address or part of a name' })
  users(@Query() query: StaffUsersQueryDto): Promise<Page<StaffUserSummary>> {
    return this.queries.users(query.query, query.cursor, pageLimit(query.limit));
  }

  @StaffAccess('staff.users.read')
  @Get('users/:userId')
  @ApiOperation({ summary: 'One user: profile, staff roles, organisations and active sessions' })
  user(@Param('userId') userId: string): Promise<StaffUserDetail> {
    return this.queries.user(userId);
  }

  @StaffAccess('staff.users.manage')
  @Post('users/:userId/sessions/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End every active session of the user; answers how many' })
  revokeSessions(
    @Param('userId') userId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<{ readonly revoked: number }> {
    return this.commands.execute(new RevokeUserSessions(userId, staffActor(principal, request)));
  }

  @StaffAccess('staff.roles.manage')
  @Post('users/:userId/roles')
  @HttpCode(HttpStatus.OK)
  @Idempotent()
  @ApiOperation({ summary: 'Grant a staff role: done at once, or (admin) waiting for a second approver' })
  grantRole(
    @Param('userId') userId: string,
    @Body() body: GrantStaffRoleDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<StaffActionResult> {
    return this.commands.execute(new GrantStaffRole(userId, body.role, staffActor(principal, request)));
  }

  @StaffAccess('staff.roles.manage')
  @Delete('users/:userId/roles/:role')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a staff role; admins cannot revoke their own admin role' })
  async revokeRole(
    @Param() params: StaffRoleParamsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.commands.execute(
      new RevokeStaffRole(params.userId, params.role, staffActor(principal, request)),
    );
  }

  @StaffAccess('staff.approvals.request')
  @Get('approvals')
  @ApiOperation({ summary: 'Requests for a second approval, newest first' })
  approvals(@Query() query: ApprovalsQueryDto): Promise<StaffApproval[]> {
    return this.queries.approvals(query.status);
  }

  @StaffAccess('staff.approvals.decide')
  @Post('approvals/:approvalId/approve')
  @HttpCode(HttpStatus.OK)
  @Idempotent()
  @ApiOperation({ summary: "Approve another staff member's request; its action is carried out at once" })
  async approve(
    @Param('approvalId') approvalId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<StaffApproval> {
    await this.commands.execute(
      new DecideApproval(approvalId, { approve: true }, staffActor(principal, request)),
    );
    return this.queries.approval(approvalId);
  }

  @StaffAccess('staff.approvals.decide')
  @Post('approvals/:approvalId/reject')
  @HttpCode(HttpStatus.OK)
  @Idempotent()
  @ApiOperation({ summary: "Reject another staff member's request, with a reason" })
  async reject(
    @Param('approvalId') approvalId: string,
    @Body() body: RejectApprovalDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<StaffApproval> {
    await this.commands.execute(
      new DecideApproval(approvalId, { approve: false, reason: body.reason }, staffActor(principal, request)),
    );
    return this.queries.approval(approvalId);
  }
}
