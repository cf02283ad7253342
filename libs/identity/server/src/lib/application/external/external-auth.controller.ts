import '@fastify/cookie';
import { type AuthProvider, type ExternalIdentity } from '@bandstand/identity/contracts';
import { CurrentPrincipal, type Principal, Public, SignedIn } from '@bandstand/shared/access';
import { APP_CONFIG } from '@bandstand/shared/config';
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
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { requestMetadata, userActor } from '../accounts/request-metadata';
import { OIDC_FLOW_TTL_SECONDS } from '../../infrastructure/oidc/oidc-flow.store';
import {
  AuthProviderDto,
  ExternalIdentityDto,
  ExternalIdentityParamsDto,
  ExternalRedirectDto,
  LinkExternalIdentityRequestDto,
  OidcStartQueryDto,
  ProviderParamsDto,
} from './external-auth.dto';
import { ExternalIdentitiesQuery } from './external-identities.query';
import { ExternalSignInService, OIDC_STATE_COOKIE } from './external-sign-in.service';
import { ReleaseExternalIdentity } from './release-external-identity/release-external-identity.command';

/** The flow cookie goes to the callback only. */
const STATE_COOKIE_PATH = '/api/v1/auth/oidc';

/**
 * Sign-in and linking with OAuth/OIDC providers (Spotify, a configured OpenID Connect provider):
 * browser navigations that end in redirects to the consoles, and the signed-in user's linked
 * provider accounts.
 */
@ApiTags('identity')
@Controller()
export class ExternalAuthController {
  constructor(
    @Inject(ExternalSignInService) private readonly external: ExternalSignInService,
    @Inject(ExternalIdentitiesQuery) private readonly identities: ExternalIdentitiesQuery,
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: { readonly PUBLIC_URL?: string },
  ) {}

  @Public()
  @Get('auth/providers')
  @ApiOperation({ summary: 'The OAuth/OIDC providers one can sign in with' })
  @ApiOkResponse({ type: [AuthProviderDto] })
  providers(): readonly AuthProvider[] {
    return this.external.providers();
  }

  @Public()
  @Get('auth/oidc/:provider/start')
  @ApiOperation({
    summary: 'Start signing in (or up) with a provider: a browser navigation',
    description:
      "Redirects to the provider's authorization page and sets the flow cookie. When the flow cannot start, " +
      'redirects to `/<console>/sign-in?error=<code>` (IDENTITY.OIDC_PROVIDER_UNKNOWN, IDENTITY.OIDC_FAILED).',
  })
  @ApiFoundResponse({
    description: "To the provider's authorization page, or back to the console with an error.",
  })
  async start(
    @Param() params: ProviderParamsDto,
    @Query() query: OidcStartQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    let target: string;
    try {
      target = await this.external.start(params.provider, { mode: 'sign-in', console: query.console });
      this.bindFlow(reply, target);
    } catch (error) {
      target = this.external.errorRedirect(query.console, error);
    }
    await this.redirect(reply, target);
  }

  @Public()
  @Get('auth/oidc/:provider/callback')
  @ApiOperation({
    summary: "The provider's redirect back: finishes signing in or linking",
    description:
      'Sign-in: sets the refresh cookie and redirects to `/<console>/auth/complete` (the console then calls ' +
      'POST /auth/refresh). Link: redirects to `/<console>/account?linked=<provider>`. Any failure redirects ' +
      'to `/<console>/sign-in?error=<code>`: IDENTITY.OIDC_STATE_MISMATCH, OIDC_NONCE_MISMATCH, ' +
      'OIDC_ACCESS_DENIED, OIDC_FAILED, OIDC_PROVIDER_UNKNOWN, OIDC_EMAIL_IN_USE, EMAIL_NOT_VERIFIED, ' +
      'EXTERNAL_IDENTITY_IN_USE, ACCOUNT_DELETED.',
  })
  @ApiFoundResponse({ description: 'To the console.' })
  async callback(
    @Param('provider') provider: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Only the query matters: the redirect URI sent to the provider is rebuilt from PUBLIC_URL.
    const callbackUrl = new URL(request.url, 'http://callback.invalid');
    const boundState = request.cookies[OIDC_STATE_COOKIE];
    reply.clearCookie(OIDC_STATE_COOKIE, { path: STATE_COOKIE_PATH });
    const target = await this.external.callback(provider, callbackUrl, { request, reply }, boundState);
    await this.redirect(reply, target);
  }

  @SignedIn()
  @Get('me/external-identities')
  @ApiOperation({ summary: 'The provider accounts linked to my account, oldest first' })
  @ApiOkResponse({ type: [ExternalIdentityDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<ExternalIdentity[]> {
    return this.identities.ofUser(principal.userId);
  }

  @SignedIn()
  @Post('me/external-identities/:provider')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Start linking a provider account to my account',
    description:
      'Answers the authorization URL the console navigates to (a navigation carries no bearer token, so the ' +
      'flow starts here) and sets the flow cookie. The callback links the account and redirects to ' +
      '`/<console>/account?linked=<provider>`, or to `/<console>/sign-in?error=<code>` ' +
      '(IDENTITY.EXTERNAL_IDENTITY_IN_USE when another account holds it).',
  })
  @ApiOkResponse({ type: ExternalRedirectDto })
  @ApiNotFoundResponse({ description: 'IDENTITY.OIDC_PROVIDER_UNKNOWN.' })
  async link(
    @Param() params: ProviderParamsDto,
    @Body() body: LinkExternalIdentityRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExternalRedirectDto> {
    const redirectUrl = await this.external.start(params.provider, {
      mode: 'link',
      console: body.console,
      userId: principal.userId,
    });
    this.bindFlow(reply, redirectUrl);
    return { redirectUrl };
  }

  @SignedIn()
  @Delete('me/external-identities/:provider/:subject')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Unlink a provider account from my account',
    description: 'Unlinking one that is not linked to my account changes nothing.',
  })
  @ApiNoContentResponse({ description: 'Unlinked.' })
  async unlink(
    @Param() params: ExternalIdentityParamsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.commands.execute(
      new ReleaseExternalIdentity(
        principal.userId,
        params.provider,
        params.subject,
        requestMetadata(request, userActor(principal.userId), principal.userId),
      ),
    );
  }

  /** Sets the cookie that ties the flow (its state) to this browser. */
  private bindFlow(reply: FastifyReply, authorizationUrl: string): void {
    const state = new URL(authorizationUrl).searchParams.get('state') ?? '';
    reply.setCookie(OIDC_STATE_COOKIE, state, {
      path: STATE_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: (this.config.PUBLIC_URL ?? '').startsWith('https:'),
      maxAge: OIDC_FLOW_TTL_SECONDS,
    });
  }

  private async redirect(reply: FastifyReply, target: string): Promise<void> {
    await reply.code(HttpStatus.FOUND).header('location', target).header('cache-control', 'no-store').send();
  }
}
