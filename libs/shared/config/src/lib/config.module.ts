import { type DynamicModule, Inject, Module } from '@nestjs/common';
import { type CommonConfig } from './schemas';

/** Injection token of the process's one validated config object. */
export const APP_CONFIG = Symbol.for('bandstand.config');

/** Injects the process's validated config. */
export const InjectConfig = (): ParameterDecorator => Inject(APP_CONFIG);

/** Makes the config loaded in main.ts available everywhere; nothing else reads process.env. */
@Module({})
export class ConfigModule {
  static forRoot<C extends CommonConfig>(config: C): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: Object.freeze({ ...config }) }],
      exports: [APP_CONFIG],
    };
  }
}
