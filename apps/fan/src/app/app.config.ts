import { type ApplicationConfig } from '@angular/core';
import { provideConsole } from '@bandstand/shared/web-platform';
import { FAN_CONSOLE } from './sections';

/** Providers of the fan console. */
export const appConfig: ApplicationConfig = { providers: [provideConsole(FAN_CONSOLE)] };
