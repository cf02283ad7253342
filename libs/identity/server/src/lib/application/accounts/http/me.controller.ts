import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Profile, type SessionSummary } from '@bandstand/identity/contracts';
import { CurrentPrincipal, type Principal, SignedIn } from '@bandstand/shared/access';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { clearRefreshCookie } from '../../../infrastructure/tokens/refresh-token';
import { APP_CONFIG } from '@bandstand/shared/config';
import { type AccountsConfig, secureCookies } from '../accounts.config';
import { ProfileService } from '../profile/profile.service';
import { requestMetadata, userActor } from '../request-metadata';
import { sessionSummary, SessionsService } from '../sessions/sessions.service';
import { ChangePasswordDto, UpdateProfileDto } from './account.dto';

/** The signed-in user's own profile and sessions (`/api/v1/me`). */
@ApiTags('identity')
@Controller('me')
export class MeController {
  constructor(
    @Inject(ProfileService) private readonly profiles: ProfileService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AccountsConfig,
  ) {}

  @SignedIn()
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The profile: e-mail, name, roles, wallets, linked providers, organisations' })
  @ApiOkResponse({ description: 'The profile.' })
  profile(@CurrentPrincipal() principal: Principal): Promise<Profile> {
    return this.profiles.profile(principal.userId);
  }

  @SignedIn()
  @Patch()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Change the display name' })
  @ApiOkResponse({ description: 'The profile as changed.' })
  update(
    @Body() body: UpdateProfileDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<Profile> {
    return this.profiles.rename(
      principal.userId,
      body.displayName,
      requestMetadata(request, userActor(principal.userId), principal.userId),
    );
  }

  @SignedIn()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password (the current one confirms it); ends every other session' })
  @ApiNoContentResponse({ description: 'The password is changed.' })
  changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.profiles.changePassword(
      principal,
      body,
      requestMetadata(request, userActor(principal.userId), principal.userId),
    );
  }

  @SignedIn()
  @Get('sessions')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The sessions still active, oldest first' })
  @ApiOkResponse({ description: 'The active sessions; `current` marks the one of this request.' })
  async listSessions(@CurrentPrincipal() principal: Principal): Promise<SessionSummary[]> {
    const sessions = await this.sessions.activeSessions(principal.userId);
    return sessions.map((session) => sessionSummary(session, principal.sessionId));
  }

  @SignedIn()
  @Delete('sessions/:sessionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of your sessions' })
  @ApiNoContentResponse({ description: 'The session has ended (IDENTITY.SESSION_NOT_FOUND if not yours).' })
  async endSession(
    @Param('sessionId', new ParseUUIDPipe()) sessionId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.sessions.revoke(
      principal.userId,
      sessionId,
      'removed-session',
      requestMetadata(request, userActor(principal.userId), principal.userId),
    );
  }

  @SignedIn()
  @Post('sessions/sign-out-everywhere')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session, this one included' })
  @ApiNoContentResponse({ description: 'Every session has ended; the refresh cookie is cleared.' })
  async signOutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revokeAll(
      principal.userId,
      'sign-out-everywhere',
      requestMetadata(request, userActor(principal.userId), principal.userId),
    );
    clearRefreshCookie(reply, secureCookies(this.config));
  }
}
