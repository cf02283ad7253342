import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import {
  type AccessContext,
  CurrentAccess,
  CurrentPrincipal,
  OrgAccess,
  type Principal,
  SignedIn,
} from '@bandstand/shared/access';
import { pageLimit, type Page } from '@bandstand/shared/contracts';
import { Idempotent } from '@bandstand/shared/event-store';
import {
  type Invitation,
  type Organisation,
  type TeamActivityEntry,
  type TeamMember,
} from '@bandstand/identity/contracts';
import { MemberNotFound } from '@bandstand/identity/domain';
import { ChangeMemberRole } from './change-member-role/change-member-role.command';
import { CreateOrganisation } from './create-organisation/create-organisation.command';
import { InviteMember } from './invite-member/invite-member.command';
import { type OrganisationActor } from './organisation-stream';
import { RemoveMember } from './remove-member/remove-member.command';
import { RenameOrganisation } from './rename-organisation/rename-organisation.command';
import { RevokeInvitation } from './revoke-invitation/revoke-invitation.command';
import {
  ActivityQueryDto,
  ChangeMemberRoleDto,
  CreateOrganisationDto,
  InviteMemberDto,
  RenameOrganisationDto,
} from './teams.dto';
import { TeamsQueries } from './teams.queries';

/** The signed-in caller as the actor of an organisation command, under the request's correlation id. */
export function actorOf(principal: Principal, request: FastifyRequest): OrganisationActor {
  return { userId: principal.userId, correlationId: request.id };
}

/**
 * Organisations and their teams: members, roles, invitations and the activity log. The access guard
 * admits members whose current role holds each route's permission; the owners rule and every id's
 * belonging to the organisation are the organisation decider's.
 */
@ApiTags('teams')
@Controller('orgs')
export class TeamsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(TeamsQueries) private readonly queries: TeamsQueries,
  ) {}

  @SignedIn()
  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create an organisation; you become its owner' })
  async create(
    @Body() body: CreateOrganisationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<Organisation> {
    const { orgId } = await this.commands.execute(
      new CreateOrganisation(body.name, body.kind, actorOf(principal, request)),
    );
    return this.queries.organisation(orgId, 'owner');
  }

  @SignedIn()
  @Get()
  @ApiOperation({ summary: 'The organisations you belong to, with your role in each' })
  list(@CurrentPrincipal() principal: Principal): Promise<Organisation[]> {
    return this.queries.organisationsOf(principal.userId);
  }

  @OrgAccess('org.read', { staff: 'staff.users.read' })
  @Get(':orgId')
  @ApiOperation({ summary: 'One organisation and your role there (null for staff looking in)' })
  get(@Param('orgId') orgId: string, @CurrentAccess() access: AccessContext): Promise<Organisation> {
    return this.queries.organisation(orgId, access.orgRole ?? null);
  }

  @OrgAccess('org.manage')
  @Patch(':orgId')
  @ApiOperation({ summary: 'Rename the organisation' })
  async rename(
    @Param('orgId') orgId: string,
    @Body() body: RenameOrganisationDto,
    @CurrentPrincipal() principal: Principal,
    @CurrentAccess() access: AccessContext,
    @Req() request: FastifyRequest,
  ): Promise<Organisation> {
    await this.commands.execute(new RenameOrganisation(orgId, body.name, actorOf(principal, request)));
    return this.queries.organisation(orgId, access.orgRole ?? null);
  }

  @OrgAccess('team.read')
  @Get(':orgId/members')
  @ApiOperation({ summary: 'The team: members with their roles' })
  members(@Param('orgId') orgId: string): Promise<TeamMember[]> {
    return this.queries.members(orgId);
  }

  @OrgAccess('team.manage')
  @Patch(':orgId/members/:userId')
  @ApiOperation({ summary: "Change a member's role; making or unmaking owners needs an owner" })
  async changeRole(
    @Param('orgId') orgId: string,
    @Param('userId') userId: string,
    @Body() body: ChangeMemberRoleDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<TeamMember> {
    await this.commands.execute(new ChangeMemberRole(orgId, userId, body.role, actorOf(principal, request)));
    const member = (await this.queries.members(orgId)).find((each) => each.userId === userId);
    if (member === undefined) throw new MemberNotFound();
    return member;
  }

  @OrgAccess('team.manage')
  @Delete(':orgId/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member (or leave); the last owner cannot' })
  async remove(
    @Param('orgId') orgId: string,
    @Param('userId') userId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.commands.execute(new RemoveMember(orgId, userId, actorOf(principal, request)));
  }

  @OrgAccess('team.manage')
  @Post(':orgId/invitations')
  @Idempotent()
  @ApiOperation({ summary: 'Invite an e-mail address with a role; the link is mailed and valid for 7 days' })
  async invite(
    @Param('orgId') orgId: string,
    @Body() body: InviteMemberDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<Invitation> {
    const { invitationId } = await this.commands.execute(
      new InviteMember(orgId, body.email, body.role, actorOf(principal, request)),
    );
    return this.queries.invitation(orgId, invitationId);
  }

  @OrgAccess('team.read')
  @Get(':orgId/invitations')
  @ApiOperation({ summary: "The organisation's invitations, newest first" })
  invitations(@Param('orgId') orgId: string): Promise<Invitation[]> {
    return this.queries.invitations(orgId);
  }

  @OrgAccess('team.manage')
  @Delete(':orgId/invitations/:invitationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a pending invitation' })
  async revoke(
    @Param('orgId') orgId: string,
    @Param('invitationId') invitationId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.commands.execute(new RevokeInvitation(orgId, invitationId, actorOf(principal, request)));
  }

  @OrgAccess('team.activity')
  @Get(':orgId/activity')
  @ApiOperation({ summary: "The team's activity log, newest first, a cursor page at a time" })
  activity(
    @Param('orgId') orgId: string,
    @Query() query: ActivityQueryDto,
  ): Promise<Page<TeamActivityEntry>> {
    return this.queries.activity(orgId, query.cursor, pageLimit(query.limit));
  }
}
