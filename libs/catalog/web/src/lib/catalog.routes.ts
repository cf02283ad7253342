import { type Routes } from '@angular/router';

/** Pages of the catalog context, mounted by each console under its own path. */
export const catalogRoutes: Routes = [];
