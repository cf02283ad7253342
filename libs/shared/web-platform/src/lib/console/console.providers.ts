import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type EnvironmentProviders,
  makeEnvironmentProviders,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideBandstandIcons } from '@bandstand/shared/web-ui';
import { type ConsoleDefinition } from './console-definition';
import { type ConsoleFeature } from './console-feature';
import { consoleRoutes } from './console-routes';

/**
 * Everything a console application needs: zoneless change detection, its routes, HTTP, icons,
 * and what each feature adds (pages, section guards, interceptors, providers).
 */
export function provideConsole(
  definition: ConsoleDefinition,
  ...features: readonly ConsoleFeature[]
): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      consoleRoutes(definition, features),
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    provideHttpClient(
      withFetch(),
      withInterceptors(features.flatMap((feature) => feature.interceptors ?? [])),
    ),
    // ngx-charts still animates with @angular/animations; loaded lazily, with the first chart.
    provideAnimationsAsync(),
    provideBandstandIcons(),
    ...features.flatMap((feature) => feature.providers ?? []),
  ]);
}
