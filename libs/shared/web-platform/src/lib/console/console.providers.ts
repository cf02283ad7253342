import { provideHttpClient, withFetch } from '@angular/common/http';
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
import { consoleRoutes } from './console-routes';

/** Everything a console application needs: zoneless change detection, its routes, HTTP, icons. */
export function provideConsole(definition: ConsoleDefinition): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      consoleRoutes(definition),
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    provideHttpClient(withFetch()),
    // ngx-charts still animates with @angular/animations; loaded lazily, with the first chart.
    provideAnimationsAsync(),
    provideBandstandIcons(),
  ]);
}
