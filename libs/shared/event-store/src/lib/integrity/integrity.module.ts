import { Module } from '@nestjs/common';
import { IntegrityController } from './integrity.controller';
import { IntegrityVerifier } from './integrity-verifier.service';
import { SealerService } from './sealer.service';

/**
 * The kernel's tamper evidence (docs/contexts/kernel.md, "Tamper evidence"): the sealer, which runs
 * in the worker only (KERNEL_ROLE), the verifier, and their HTTP endpoints. Its dependencies come
 * from the global KernelCoreModule.
 */
@Module({
  controllers: [IntegrityController],
  providers: [IntegrityVerifier, SealerService],
  exports: [IntegrityVerifier, SealerService],
})
export class IntegrityModule {}
