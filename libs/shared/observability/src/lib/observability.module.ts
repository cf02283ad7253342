import { type DynamicModule, Global, Inject, Module, type Provider, type Type } from '@nestjs/common';
import { DEPENDENCY_CHECKS, type DependencyCheck } from './dependency-check';
import { DependencyMonitor } from './dependency-monitor';
import { LifecycleLogger } from './lifecycle.logger';
import { createLogger, wantsPrettyLogs } from './logger';
import { MetricsService } from './metrics.service';
import { PinoNestLogger } from './nest-logger';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions, ROOT_LOGGER } from './observability.options';

/** Injects the process's root pino logger. */
export const InjectLogger = (): ParameterDecorator => Inject(ROOT_LOGGER);

/**
 * Logging, metrics and correlation for a whole process, global so every module can inject the
 * logger (`@InjectLogger()`), the {@link MetricsService} and the {@link PinoNestLogger} that
 * main.ts hands to `app.useLogger`.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const logger = createLogger({
      service: options.service,
      level: options.level,
      pretty: wantsPrettyLogs(options.nodeEnv, process.stdout.isTTY),
      destination: options.destination,
    });
    return {
      module: ObservabilityModule,
      global: true,
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: ROOT_LOGGER, useValue: logger },
        { provide: PinoNestLogger, useValue: new PinoNestLogger(logger) },
        { provide: MetricsService, useValue: new MetricsService(options.service) },
        LifecycleLogger,
      ],
      exports: [OBSERVABILITY_OPTIONS, ROOT_LOGGER, PinoNestLogger, MetricsService],
    };
  }
}

/**
 * Providers for a root module: the {@link DEPENDENCY_CHECKS} list made of the given check classes
 * (provided by their own modules) and the {@link DependencyMonitor} that runs them.
 */
export function provideDependencyChecks(checks: readonly Type<DependencyCheck>[]): Provider[] {
  return [
    {
      provide: DEPENDENCY_CHECKS,
      useFactory: (...instances: DependencyCheck[]): readonly DependencyCheck[] => instances,
      inject: [...checks],
    },
    DependencyMonitor,
  ];
}
