import { type Type } from '@angular/core';
import { type Route } from '@angular/router';
import { type ConsoleFeature } from '@bandstand/shared/web-platform';

/**
 * The catalog's pages under the creator console's `catalog` section, each its own lazy chunk. A
 * string title is completed by the console ("Release · Bandstand Creator").
 */
export function creatorCatalogRoutes(): Route[] {
  return [
    {
      path: 'catalog/releases/new',
      pathMatch: 'full',
      title: 'New release',
      loadComponent: () =>
        import('./release-editor/release-editor.page').then((module) => module.ReleaseEditorPageComponent),
    },
    {
      path: 'catalog/releases/:releaseId',
      pathMatch: 'full',
      title: 'Release',
      loadComponent: () =>
        import('./release-editor/release-editor.page').then((module) => module.ReleaseEditorPageComponent),
    },
    {
      path: 'catalog/calendar',
      pathMatch: 'full',
      title: 'Release calendar',
      loadComponent: () =>
        import('./calendar/release-calendar.page').then((module) => module.ReleaseCalendarPageComponent),
    },
    {
      path: 'catalog/batch',
      pathMatch: 'full',
      title: 'Batch edit',
      loadComponent: () => import('./batch/batch-edit.page').then((module) => module.BatchEditPageComponent),
    },
    {
      path: 'catalog/import',
      pathMatch: 'full',
      title: 'Import and export',
      loadComponent: () =>
        import('./import/import-export.page').then((module) => module.ImportExportPageComponent),
    },
    {
      path: 'catalog/artists',
      pathMatch: 'full',
      title: 'Artists',
      loadComponent: () => import('./artists/artists.page').then((module) => module.ArtistsPageComponent),
    },
  ];
}

/**
 * The catalog in the creator console (`provideConsole(definition, withIdentity(…),
 * creatorCatalogFeature())`): the release editor, calendar, batch edit, import/export and artists
 * pages under the `catalog` section, behind the section's guards.
 */
export function creatorCatalogFeature(): ConsoleFeature {
  return { sectionRoutes: creatorCatalogRoutes() };
}

/** The creator console's catalog overview, as the `catalog` section's lazily loaded view. */
export function loadCatalogView(): Promise<Type<unknown>> {
  return import('./overview/catalog-overview.view').then((module) => module.CatalogOverviewViewComponent);
}
