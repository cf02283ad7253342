import { apiConfigSchema, loadConfigOrExit } from '@bandstand/shared/config';
import { createHttpApp, setupOpenApi } from '@bandstand/shared/http';
import {
  type AppLogger,
  createLogger,
  handleFatalErrors,
  ROOT_LOGGER,
} from '@bandstand/shared/observability';
import { AppModule } from './app/app.module';
import { BUILD_VERSION, SERVICE_NAME } from './app/build-info';
import { registerStaticConsoles } from './app/consoles/static-consoles.plugin';

function startupFailure(error: unknown, host: string, port: number): string {
  if ((error as { code?: unknown }).code === 'EADDRINUSE') {
    return `Port ${port} on ${host} is already in use: stop the process that holds it or set PORT to a free port`;
  }
  return `The api could not start: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit(SERVICE_NAME, apiConfigSchema);
  let logger: AppLogger = createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });
  try {
    const app = await createHttpApp(AppModule.forRoot(config), config);
    logger = app.get<AppLogger>(ROOT_LOGGER);
    handleFatalErrors(logger);
    setupOpenApi(app, { title: 'Bandstand API', version: BUILD_VERSION });
    await registerStaticConsoles(app.getHttpAdapter().getInstance(), {
      consolesDir: config.CONSOLES_DIR,
      logger,
    });
    await app.listen({ host: config.HOST, port: config.PORT });
    logger.info(
      { host: config.HOST, port: config.PORT, publicUrl: config.PUBLIC_URL, version: BUILD_VERSION },
      `Bandstand api ${BUILD_VERSION} listening on http://${config.HOST}:${config.PORT} (API docs at /api/docs)`,
    );
  } catch (error) {
    logger.fatal({ err: error }, startupFailure(error, config.HOST, config.PORT));
    process.exit(1);
  }
}

void main();
