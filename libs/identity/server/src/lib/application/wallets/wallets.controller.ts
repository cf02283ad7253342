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
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  IDENTITY_ERROR_CODES,
  type LinkedWallet,
  type SignInResponse,
  type SiweChallenge,
} from '@bandstand/identity/contracts';
import { IdentityError } from '@bandstand/identity/domain';
import { CurrentPrincipal, type Principal, Public, SignedIn } from '@bandstand/shared/access';
import { type CommandMetadata } from '@bandstand/shared/event-store';
import { correlationIdOf } from '@bandstand/shared/http';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { SESSION_ISSUER, type SessionIssuer } from '../accounts/account-services';
import { clientKeys } from '../../infrastructure/rate-limit/client-keys';
import { RATE_LIMITER, type RateLimiter } from '../../ports/rate-limit.port';
import { SIWE_VERIFIER, type SiweVerifier } from '../../ports/siwe.port';
import { LinkWallet } from './link-wallet/link-wallet.command';
import { UnlinkWallet } from './unlink-wallet/unlink-wallet.command';
import {
  LinkedWalletDto,
  SiweChallengeDto,
  SiweChallengeRequestDto,
  SiweSubmissionDto,
  WalletAddressParamsDto,
} from './wallets.dto';
import { WalletsQuery } from './wallets.query';

const SIWE_REFUSED = {
  description:
    'IDENTITY.SIWE_DOMAIN_MISMATCH, SIWE_URI_MISMATCH, SIWE_CHAIN_NOT_ALLOWED, SIWE_EXPIRED, SIWE_NONCE_INVALID or SIWE_SIGNATURE_INVALID.',
};
const MALFORMED = { description: 'IDENTITY.SIWE_MESSAGE_MALFORMED (naming the line) or VALIDATION.FAILED.' };

/** What a user's command records: the request's correlation id, the user as actor and tenant. */
function userMetadata(request: FastifyRequest, userId: string): CommandMetadata {
  return { correlationId: correlationIdOf(request), actor: `user:${userId}`, tenantId: userId };
}

/**
 * Sign-In with Ethereum: nonces, linking and unlinking wallets to the signed-in account, and
 * signing in with a linked wallet.
 */
@ApiTags('identity')
@Controller()
export class WalletsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(WalletsQuery) private readonly wallets: WalletsQuery,
    @Inject(SIWE_VERIFIER) private readonly siwe: SiweVerifier,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(SESSION_ISSUER) private readonly sessions: SessionIssuer,
  ) {}

  @Public()
  @Post('auth/siwe/nonce')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A single-use nonce and the values an EIP-4361 message must carry (5 minutes)' })
  @ApiOkResponse({ type: SiweChallengeDto })
  @ApiTooManyRequestsResponse({ description: 'ACCESS.RATE_LIMITED (30 a minute per client address).' })
  async nonce(@Body() body: SiweChallengeRequestDto, @Req() request: FastifyRequest): Promise<SiweChallenge> {
    await this.rateLimiter.consume('siwe', clientKeys(request));
    return this.siwe.challenge(body.purpose);
  }

  @Public()
  @Post('auth/siwe/sign-in')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in with a linked wallet',
    description: 'Sets the refresh cookie and answers with an access token, like every sign-in.',
  })
  @ApiOkResponse({ description: 'SignInResponse: access token, its expiry, the session and the user.' })
  @ApiBadRequestResponse(MALFORMED)
  @ApiUnauthorizedResponse({ description: 'IDENTITY.WALLET_NOT_LINKED: no account has this wallet linked.' })
  @ApiUnprocessableEntityResponse(SIWE_REFUSED)
  @ApiTooManyRequestsResponse({ description: 'ACCESS.RATE_LIMITED.' })
  async signIn(
    @Body() body: SiweSubmissionDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    await this.rateLimiter.consume('siwe', clientKeys(request));
    const verified = await this.siwe.verify(body, 'sign-in');
    const wallet = await this.wallets.byAddress(verified.address);
    if (wallet === null) {
      throw new IdentityError(
        IDENTITY_ERROR_CODES.walletNotLinked,
        'No account has this wallet linked: sign in another way and link it first',
        { status: 401, field: 'message' },
      );
    }
    return this.sessions.start(
      wallet.userId,
      'siwe',
      { request, reply },
      userMetadata(request, wallet.userId),
    );
  }

  @SignedIn()
  @Get('me/wallets')
  @ApiOperation({ summary: 'The wallets linked to my account, oldest first' })
  @ApiOkResponse({ type: [LinkedWalletDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<LinkedWallet[]> {
    return this.wallets.ofUser(principal.userId);
  }

  @SignedIn()
  @Post('me/wallets')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Link a wallet by a message it signed (nonce purpose "link")',
    description: 'Linking a wallet already linked to my account changes nothing and answers it again.',
  })
  @ApiCreatedResponse({ type: LinkedWalletDto })
  @ApiBadRequestResponse(MALFORMED)
  @ApiConflictResponse({
    description: 'IDENTITY.WALLET_LINKED_ELSEWHERE: another account holds this wallet.',
  })
  @ApiUnprocessableEntityResponse(SIWE_REFUSED)
  async link(
    @Body() body: SiweSubmissionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<LinkedWallet> {
    const verified = await this.siwe.verify(body, 'link');
    await this.commands.execute(
      new LinkWallet(
        principal.userId,
        verified.address,
        verified.chainId,
        userMetadata(request, principal.userId),
      ),
    );
    const wallet = await this.wallets.byAddress(verified.address);
    // The inline projection wrote the row in the command's transaction; only a concurrent unlink removes it.
    if (wallet?.userId !== principal.userId) {
      throw new IdentityError(IDENTITY_ERROR_CODES.walletNotLinked, 'The wallet was unlinked meanwhile', {
        status: 409,
        field: 'message',
      });
    }
    return { address: wallet.address, chainId: wallet.chainId, linkedAt: wallet.linkedAt };
  }

  @SignedIn()
  @Delete('me/wallets/:address')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Unlink a wallet from my account' })
  @ApiNoContentResponse({ description: 'Unlinked.' })
  @ApiNotFoundResponse({ description: 'IDENTITY.WALLET_NOT_LINKED: not a wallet of my account.' })
  async unlink(
    @Param() params: WalletAddressParamsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.commands.execute(
      new UnlinkWallet(principal.userId, params.address, userMetadata(request, principal.userId)),
    );
  }
}
