import { type ApplicationConfig } from '@angular/core';
import { provideConsole } from '@bandstand/shared/web-platform';
import { CREATOR_CONSOLE } from './sections';

/** Providers of the creator console. */
export const appConfig: ApplicationConfig = { providers: [provideConsole(CREATOR_CONSOLE)] };
