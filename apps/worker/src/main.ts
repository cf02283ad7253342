import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, type WorkerConfig, workerConfigSchema } from '@bandstand/shared/config';
import {
  type AppLogger,
  createLogger,
  handleFatalErrors,
  PinoNestLogger,
  ROOT_LOGGER,
  wantsPrettyLogs,
} from '@bandstand/shared/observability';
import { persistenceContexts, seedContributors } from './app/contexts';
import { runDatabaseCli } from './app/database-cli';
import { startSeedApplication } from './app/seed-application';
import { SERVICE_NAME } from './app/service-name';
import { WorkerModule } from './app/worker.module';

// A shutdown that has not finished by then is stuck; the orchestrator would kill us anyway.
const SHUTDOWN_GRACE_MS = 30_000;

function startupFailure(error: unknown, config: WorkerConfig): string {
  if ((error as { code?: unknown }).code === 'EADDRINUSE') {
    return `Port ${config.METRICS_PORT} on ${config.METRICS_HOST} is already in use: stop the process that holds it or set METRICS_PORT to a free port`;
  }
  return `The worker could not start: ${error instanceof Error ? error.message : String(error)}`;
}

async function runWorker(config: WorkerConfig): Promise<void> {
  let logger: AppLogger = createLogger({
    service: SERVICE_NAME,
    level: config.LOG_LEVEL,
    pretty: wantsPrettyLogs(config.NODE_ENV, process.stdout.isTTY),
  });
  try {
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      bufferLogs: true,
      abortOnError: false,
    });
    logger = app.get<AppLogger>(ROOT_LOGGER);
    app.useLogger(app.get(PinoNestLogger));
    handleFatalErrors(logger);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        setTimeout(() => {
          logger.error({ signal }, `Shutdown did not finish within ${SHUTDOWN_GRACE_MS} ms: exiting`);
          process.exit(1);
        }, SHUTDOWN_GRACE_MS).unref();
      });
    }
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    logger.info({ concurrency: config.WORKER_CONCURRENCY }, 'Bandstand worker started');
  } catch (error) {
    logger.fatal({ err: error }, startupFailure(error, config));
    process.exit(1);
  }
}

async function runCli(args: readonly string[]): Promise<void> {
  const config = loadConfigOrExit(SERVICE_NAME, workerConfigSchema);
  process.exitCode = await runDatabaseCli(args, {
    config,
    contexts: persistenceContexts,
    contributors: seedContributors,
    application: () => startSeedApplication(config),
    output: {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    },
  });
  // Every pool is closed by now; this only matters if a library leaves a handle behind.
  setTimeout(() => process.exit(), 5_000).unref();
}

const args = process.argv.slice(2);
if (args.length > 0) void runCli(args);
else void runWorker(loadConfigOrExit(SERVICE_NAME, workerConfigSchema));
