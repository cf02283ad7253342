import { type Routes } from '@angular/router';

/** Pages of the identity context, mounted by each console under its own path. */
export const identityRoutes: Routes = [];
