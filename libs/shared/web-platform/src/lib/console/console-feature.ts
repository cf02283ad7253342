import { type HttpInterceptorFn } from '@angular/common/http';
import { type EnvironmentProviders, type Provider } from '@angular/core';
import { type CanActivateFn, type Route } from '@angular/router';

/**
 * What a part of the platform adds to every console that takes it: pages next to the sections,
 * guards the sections pass before they open, interceptors of the console's requests and the
 * providers behind them (identity adds its pages, the sign-in guard and the bearer token this way).
 */
export interface ConsoleFeature {
  /**
   * Pages mounted under the console's base, after its sections and before the not-found page.
   * A string `title` is the page's own heading; the console completes it ("Sign in · Bandstand Fan").
   */
  readonly routes?: readonly Route[];
  /**
   * Pages inside a section (`catalog/releases/:releaseId`), mounted like `routes` but passing the
   * sections' guards first: whoever may not open the section may not open its pages either.
   */
  readonly sectionRoutes?: readonly Route[];
  /** Guards every section passes before it opens, in order. */
  readonly sectionGuards?: readonly CanActivateFn[];
  /** Interceptors of every request the console makes, in order. */
  readonly interceptors?: readonly HttpInterceptorFn[];
  /** Providers the feature needs: its configuration, stores and initializers. */
  readonly providers?: readonly (Provider | EnvironmentProviders)[];
}
