import { Module } from '@nestjs/common';

/** The kernel's jobs area (see docs/contexts/kernel.md). */
@Module({})
export class JobsModule {}
