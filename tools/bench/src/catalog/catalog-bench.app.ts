import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamicModule, Global, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { catalogPersistence, CatalogModule } from '@bandstand/catalog/server';
import { APP_CONFIG } from '@bandstand/shared/config';
import { KernelDatabase, type KernelClock, KernelModule } from '@bandstand/shared/event-store';
import {
  createKernelTestHarness,
  type KernelTestHarness,
  TEST_EVENT_STORE_KEY,
} from '@bandstand/shared/event-store/testing';
import { MemoryLogDestination, ObservabilityModule } from '@bandstand/shared/observability';

/** A clock the bench moves: scheduling needs a release moment ahead, fans search after it. */
export class BenchClock implements KernelClock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  newId(): string {
    return randomUUID();
  }

  set(instant: Date): void {
    this.current = instant.getTime();
  }
}

/** The catalog context as the api runs it, on a fresh migrated database of its own. */
export interface CatalogBenchApp {
  readonly kernel: KernelTestHarness;
  readonly app: INestApplicationContext;
  readonly db: KernelDatabase;
  readonly clock: BenchClock;
  close(): Promise<void>;
}

/**
 * Starts the whole catalog module (every area) with the real kernel in a Nest application context,
 * on a database created and migrated for this scenario alone (dropped by `close`).
 */
export async function startCatalogBenchApp(start: Date): Promise<CatalogBenchApp> {
  const kernel = await createKernelTestHarness({ contexts: [catalogPersistence], poolMax: 4 });
  const assetDir = join(tmpdir(), `bandstand-bench-${randomUUID()}`);
  const config = {
    NODE_ENV: 'test',
    ASSET_STORAGE: 'local',
    ASSET_DIR: assetDir,
    S3_REGION: 'us-east-1',
    S3_FORCE_PATH_STYLE: true,
    CATALOG_TRUST_TERRITORY_HEADER: false,
    CATALOG_DEFAULT_TERRITORY: 'US',
    DDEX_PARTY_ID: 'PADPIDA0000000000B',
    DDEX_PARTY_NAME: 'Bandstand',
  };
  const clock = new BenchClock(start);

  @Global()
  @Module({})
  class BenchInfrastructureModule {
    static create(): DynamicModule {
      return {
        module: BenchInfrastructureModule,
        providers: [
          { provide: MikroORM, useValue: kernel.orm },
          { provide: APP_CONFIG, useValue: config },
        ],
        exports: [MikroORM, APP_CONFIG],
      };
    }
  }

  @Module({})
  class CatalogBenchModule {
    static create(): DynamicModule {
      return {
        module: CatalogBenchModule,
        imports: [
          BenchInfrastructureModule.create(),
          ObservabilityModule.forRoot({
            service: 'api',
            level: 'warn',
            destination: new MemoryLogDestination(),
          }),
          KernelModule.forRoot(
            { NODE_ENV: 'test', EVENT_STORE_KEY: TEST_EVENT_STORE_KEY, DATABASE_URL: kernel.database.url },
            'api',
            { clock },
          ),
          CatalogModule.forRoot('worker'),
        ],
      };
    }
  }

  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(CatalogBenchModule.create(), { logger: false });
  } catch (error) {
    await kernel.close();
    throw error;
  }
  return {
    kernel,
    app,
    db: app.get(KernelDatabase),
    clock,
    async close() {
      await app.close();
      await kernel.close();
      await rm(assetDir, { recursive: true, force: true });
    },
  };
}
