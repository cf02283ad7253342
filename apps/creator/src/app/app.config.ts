import { type ApplicationConfig } from '@angular/core';
import { creatorCatalogFeature } from '@bandstand/catalog/web';
import { withIdentity } from '@bandstand/identity/web';
import { provideConsole } from '@bandstand/shared/web-platform';
import { CREATOR_CONSOLE } from './sections';

/** Providers of the creator console: its sections are for signed-in creators and their teams. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideConsole(
      CREATOR_CONSOLE,
      withIdentity({ console: 'creator', access: 'signed-in' }),
      creatorCatalogFeature(),
    ),
  ],
};
