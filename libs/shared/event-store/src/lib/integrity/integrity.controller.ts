import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { StaffAccess } from '@bandstand/shared/access';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type IntegrityReport, type SealSummary } from '@bandstand/shared/contracts';
import { NoSealYet, VerificationInProgress } from './integrity.errors';
import {
  DEFAULT_HTTP_VERIFY_MAX_EVENTS,
  IntegrityReportDto,
  SealSummaryDto,
  StartVerificationDto,
} from './integrity.dto';
import { IntegrityVerifier } from './integrity-verifier.service';
import { sealSummary } from './seal-chain';
import { SealerService } from './sealer.service';

/**
 * Tamper evidence for the staff console's audit view: run a verification of the event store, and
 * read the newest seal (which an auditor records elsewhere as an anchor against truncation).
 *
 * Staff only: a verification needs `staff.audit.verify` (it costs a full read of the event store,
 * and the report names streams and events), the latest seal `staff.audit.read`.
 */
@ApiTags('kernel')
@Controller('kernel/integrity')
export class IntegrityController {
  private running = false;

  constructor(
    private readonly verifier: IntegrityVerifier,
    private readonly sealer: SealerService,
  ) {}

  @StaffAccess('staff.audit.verify')
  @Post('verifications')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Verify that no stored event was changed, reordered or removed (staff.audit.verify)',
    description:
      'Runs synchronously: up to maxEvents events are checked (the report then says complete: false). ' +
      'The answer is 200 whether or not the store is intact; intact and firstProblem say which.',
  })
  @ApiOkResponse({ type: IntegrityReportDto })
  @ApiConflictResponse({ description: 'A verification is already running in this process.' })
  async verify(@Body() body: StartVerificationDto): Promise<IntegrityReport> {
    if (this.running) throw new VerificationInProgress();
    this.running = true;
    try {
      return await this.verifier.verify({
        maxEvents: body.maxEvents ?? DEFAULT_HTTP_VERIFY_MAX_EVENTS,
        ...(body.anchor ? { anchor: body.anchor } : {}),
      });
    } finally {
      this.running = false;
    }
  }

  @StaffAccess('staff.audit.read')
  @Get('seals/latest')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The newest seal of the global log (staff.audit.read)' })
  @ApiOkResponse({ type: SealSummaryDto })
  @ApiNotFoundResponse({ description: 'No seal has been written yet (KERNEL.NO_SEAL_YET).' })
  async latestSeal(): Promise<SealSummary> {
    const seal = await this.sealer.latestSeal();
    if (!seal) throw new NoSealYet();
    return sealSummary(seal);
  }
}
