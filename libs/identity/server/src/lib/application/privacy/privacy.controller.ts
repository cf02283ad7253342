import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, SignedIn } from '@bandstand/shared/access';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import { type AccountExport } from './account-export';
import { AccountExportService } from './account-export.service';
import { AccountDeletionService } from './account-deletion.service';
import { DeleteAccountDto } from './delete-account.dto';

/** The signed-in user's data: download all of it, or delete the account (`/api/v1/me`). */
@ApiTags('identity')
@Controller('me')
export class PrivacyController {
  constructor(
    @Inject(AccountExportService) private readonly exports: AccountExportService,
    @Inject(AccountDeletionService) private readonly deletions: AccountDeletionService,
  ) {}

  @SignedIn()
  @Get('export')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Download everything held about you, as a JSON file' })
  @ApiOkResponse({ description: 'A JSON attachment: profile, sessions, memberships and your events.' })
  export(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountExport> {
    reply.header('content-disposition', `attachment; filename="bandstand-account-${principal.userId}.json"`);
    return this.exports.export(principal.userId);
  }

  @SignedIn()
  @Post('deletion')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete your account for good (confirm with your password, or your e-mail without one)',
  })
  @ApiNoContentResponse({ description: 'The account is deleted and every session has ended.' })
  @ApiConflictResponse({
    description: 'IDENTITY.SOLE_OWNER: name another owner of your organisations first.',
  })
  delete(
    @Body() body: DeleteAccountDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    return this.deletions.delete(principal, body.confirmation, { request, reply });
  }
}
