import { type ApplicationConfig } from '@angular/core';
import { withIdentity } from '@bandstand/identity/web';
import { provideConsole } from '@bandstand/shared/web-platform';
import { FAN_CONSOLE } from './sections';

/** Providers of the fan console: open to everyone, with sign-in for what is personal. */
export const appConfig: ApplicationConfig = {
  providers: [provideConsole(FAN_CONSOLE, withIdentity({ console: 'fan', access: 'public' }))],
};
