import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type AppLogger } from './logger';
import { OBSERVABILITY_OPTIONS, type ObservabilityOptions, ROOT_LOGGER } from './observability.options';

/** Logs the start and end of a graceful shutdown, so an operator sees that a stop was clean. */
@Injectable()
export class LifecycleLogger implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(ROOT_LOGGER) private readonly logger: AppLogger,
    @Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions,
  ) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.info(
      { signal },
      `${this.options.service} shutting down${signal === undefined ? '' : ` on ${signal}`}: finishing in-flight work`,
    );
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.info({ signal }, `${this.options.service} stopped`);
  }
}
