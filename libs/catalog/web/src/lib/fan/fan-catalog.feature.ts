import { type Type } from '@angular/core';
import { type Route } from '@angular/router';
import { type ConsoleFeature } from '@bandstand/shared/web-platform';

/**
 * The fan app's catalog pages: a release and an artist, open to everyone (what they show is
 * whatever the api makes visible in the fan's territory). Each is its own lazy chunk.
 */
export function fanCatalogRoutes(): Route[] {
  return [
    {
      path: 'releases/:releaseId',
      pathMatch: 'full',
      title: 'Release',
      loadComponent: () => import('./release/release.page').then((module) => module.ReleasePageComponent),
    },
    {
      path: 'artists/:artistId',
      pathMatch: 'full',
      title: 'Artist',
      loadComponent: () => import('./artist/artist.page').then((module) => module.ArtistPageComponent),
    },
  ];
}

/** What the catalog adds to the fan app (`provideConsole(FAN_CONSOLE, …, fanCatalogFeature())`). */
export function fanCatalogFeature(): ConsoleFeature {
  return { routes: fanCatalogRoutes() };
}

/** The fan app's Discover section (new releases and search), as a lazily loaded section view. */
export function loadDiscoverView(): Promise<Type<unknown>> {
  return import('./discover/discover.view').then((module) => module.DiscoverViewComponent);
}
