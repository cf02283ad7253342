import { Module } from '@nestjs/common';

/** The kernel's integrity area (see docs/contexts/kernel.md). */
@Module({})
export class IntegrityModule {}
