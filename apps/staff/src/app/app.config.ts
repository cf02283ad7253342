import { type ApplicationConfig } from '@angular/core';
import { provideConsole } from '@bandstand/shared/web-platform';
import { STAFF_CONSOLE } from './sections';

/** Providers of the staff console. */
export const appConfig: ApplicationConfig = { providers: [provideConsole(STAFF_CONSOLE)] };
