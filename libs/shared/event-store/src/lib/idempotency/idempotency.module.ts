import { Module } from '@nestjs/common';

/** The kernel's idempotency area (see docs/contexts/kernel.md). */
@Module({})
export class IdempotencyModule {}
