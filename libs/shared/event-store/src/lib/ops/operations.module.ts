import { Module } from '@nestjs/common';

/** The kernel's ops area (see docs/contexts/kernel.md). */
@Module({})
export class OperationsModule {}
