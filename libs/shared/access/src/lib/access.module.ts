import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';

/**
 * Installs the {@link AccessGuard} on every route of the app. The identity context provides the
 * {@link PRINCIPAL_RESOLVER} and {@link MEMBERSHIP_LOOKUP} globally; without them every caller is
 * anonymous and only public routes answer.
 */
@Module({})
export class AccessModule {
  static forRoot(): DynamicModule {
    return { module: AccessModule, providers: [{ provide: APP_GUARD, useClass: AccessGuard }] };
  }
}
