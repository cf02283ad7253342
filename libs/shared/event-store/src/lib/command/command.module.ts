import { Module } from '@nestjs/common';

/** The kernel's command area (see docs/contexts/kernel.md). */
@Module({})
export class CommandModule {}
