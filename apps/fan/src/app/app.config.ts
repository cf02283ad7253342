import { type ApplicationConfig } from '@angular/core';
import { fanCatalogFeature } from '@bandstand/catalog/web';
import { withIdentity } from '@bandstand/identity/web';
import { provideConsole } from '@bandstand/shared/web-platform';
import { FAN_CONSOLE } from './sections';

/** Providers of the fan console: open to everyone, with sign-in for what is personal, and the catalog's pages. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideConsole(FAN_CONSOLE, withIdentity({ console: 'fan', access: 'public' }), fanCatalogFeature()),
  ],
};
