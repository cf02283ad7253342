import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal, Public, SignedIn } from '@bandstand/shared/access';
import { Idempotent } from '@bandstand/shared/event-store';
import { type InvitationPreview, type Organisation } from '@bandstand/identity/contracts';
import { AcceptInvitation } from './accept-invitation/accept-invitation.command';
import { TeamMemberships } from './team-memberships.service';
import { actorOf } from './teams.controller';
import { AcceptInvitationDto } from './teams.dto';
import { TeamsQueries } from './teams.queries';

/** Invitation links: what an invitee sees before accepting, and accepting. */
@ApiTags('teams')
@Controller('invitations')
export class InvitationsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(TeamsQueries) private readonly queries: TeamsQueries,
    @Inject(TeamMemberships) private readonly memberships: TeamMemberships,
  ) {}

  @Public()
  @Get(':token')
  @ApiOperation({
    summary: 'Preview an invitation by the token of its link (404 unknown, 409 used, 410 expired)',
  })
  preview(@Param('token') token: string): Promise<InvitationPreview> {
    return this.queries.preview(token);
  }

  @SignedIn()
  @Post('accept')
  @HttpCode(HttpStatus.OK)
  @Idempotent()
  @ApiOperation({
    summary: "Accept an invitation sent to your account's e-mail address; answers the organisation",
  })
  async accept(
    @Body() body: AcceptInvitationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<Organisation> {
    const { orgId } = await this.commands.execute(
      new AcceptInvitation(body.token, actorOf(principal, request)),
    );
    return this.queries.organisation(orgId, await this.memberships.roleIn(orgId, principal.userId));
  }
}
