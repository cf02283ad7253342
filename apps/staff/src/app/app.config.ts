import { type ApplicationConfig } from '@angular/core';
import { withIdentity } from '@bandstand/identity/web';
import { provideConsole } from '@bandstand/shared/web-platform';
import { STAFF_CONSOLE } from './sections';

/** Providers of the staff console: every section is for platform staff only. */
export const appConfig: ApplicationConfig = {
  providers: [provideConsole(STAFF_CONSOLE, withIdentity({ console: 'staff', access: 'staff' }))],
};
