import { Module } from '@nestjs/common';

/** The kernel's subscriptions area (see docs/contexts/kernel.md). */
@Module({})
export class SubscriptionsModule {}
