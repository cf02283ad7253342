import { Body, Controller, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AcceptedResponse, type SignInResponse } from '@bandstand/identity/contracts';
import { Public } from '@bandstand/shared/access';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { PasswordResetService } from '../password-reset/password-reset.service';
import { SessionsService } from '../sessions/sessions.service';
import { SignInService } from '../sign-in/sign-in.service';
import { SignUpService } from '../sign-up/sign-up.service';
import { EmailVerificationService } from '../verify-email/email-verification.service';
import {
  PasswordResetConfirmDto,
  PasswordResetDto,
  SignInDto,
  SignUpDto,
  VerifyEmailDto,
} from './account.dto';

/**
 * Sign-up, e-mail verification, password sign-in, refresh-token rotation, sign-out and password
 * reset (`/api/v1/auth`). All public: the refresh cookie (path /api/v1/auth) or a mailed token is
 * the credential where one is needed.
 */
@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(SignUpService) private readonly signUps: SignUpService,
    @Inject(EmailVerificationService) private readonly verifications: EmailVerificationService,
    @Inject(SignInService) private readonly signIns: SignInService,
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(PasswordResetService) private readonly resets: PasswordResetService,
  ) {}

  @Public()
  @Post('sign-up')
  @HttpCode(202)
  @ApiOperation({ summary: 'Create an account; the same 202 whether or not the address has one' })
  @ApiAcceptedResponse({ description: 'A mail is on its way to the address.' })
  @ApiTooManyRequestsResponse({ description: 'Too many sign-ups from this client or for this address.' })
  signUp(@Body() body: SignUpDto, @Req() request: FastifyRequest): Promise<AcceptedResponse> {
    return this.signUps.signUp(body, request);
  }

  @Public()
  @Post('verify-email')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Verify the address with the mailed token, and sign in' })
  @ApiOkResponse({ description: 'Signed in: access token, and the refresh token in its cookie.' })
  verifyEmail(
    @Body() body: VerifyEmailDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    return this.verifications.verify(body.token, { request, reply });
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Sign in with e-mail and password' })
  @ApiOkResponse({ description: 'Signed in: access token, and the refresh token in its cookie.' })
  @ApiUnauthorizedResponse({ description: 'IDENTITY.INVALID_CREDENTIALS, whatever was wrong.' })
  signIn(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    return this.signIns.signIn(body, { request, reply });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: "Rotate the cookie's refresh token and get a new access token" })
  @ApiOkResponse({ description: 'A new access token; the next refresh token is in the cookie.' })
  @ApiUnauthorizedResponse({
    description: 'IDENTITY.REFRESH_TOKEN_INVALID, or _REUSED (the session was revoked).',
  })
  refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    return this.sessions.refresh({ request, reply });
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: "End the cookie's session and clear the cookie" })
  @ApiNoContentResponse({ description: 'Signed out (also when there was nothing to end).' })
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    return this.sessions.signOut({ request, reply });
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a password-reset link; the same 202 whether or not the address has an account',
  })
  @ApiAcceptedResponse({ description: 'A link is on its way if the address has an account.' })
  requestReset(@Body() body: PasswordResetDto, @Req() request: FastifyRequest): Promise<AcceptedResponse> {
    return this.resets.request(body, request);
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a new password with the mailed token; ends all the account's sessions" })
  @ApiNoContentResponse({ description: 'The password is changed; sign in with it.' })
  confirmReset(@Body() body: PasswordResetConfirmDto, @Req() request: FastifyRequest): Promise<void> {
    return this.resets.confirm(body, request);
  }
}
