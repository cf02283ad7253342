import { type CanActivateFn, type Route } from '@angular/router';
import { type NavItem } from '@bandstand/shared/web-ui';
import { type ConsoleDefinition } from './console-definition';
import { type ConsoleFeature } from './console-feature';

/** The title of a page of the console, as the browser's tab shows it. */
export function consolePageTitle(definition: ConsoleDefinition, heading: string): string {
  return `${heading} · Bandstand ${definition.name}`;
}

/**
 * The console's routes: every section is its own lazy chunk bound to the section's data and passes
 * the features' section guards, the status section also loads the platform status, a console
 * without a section at '' lands on the status section, the features' pages follow the sections
 * (their section pages behind the same guards),
 * and any other path answers with a not-found page.
 */
export function consoleRoutes(
  definition: ConsoleDefinition,
  features: readonly ConsoleFeature[] = [],
): Route[] {
  const { sections, statusPath } = definition;
  if (!sections.some((section) => section.path === statusPath)) {
    throw new Error(
      `The ${definition.name} console shows the platform status at "${statusPath}", which is none of its sections.`,
    );
  }
  const guards: CanActivateFn[] = features.flatMap((feature) => feature.sectionGuards ?? []);
  const sectionPages = features
    .flatMap((feature) => feature.sectionRoutes ?? [])
    .map((page): Route =>
      guards.length > 0 ? { ...page, canActivate: [...guards, ...(page.canActivate ?? [])] } : page,
    );
  const pages = [...features.flatMap((feature) => feature.routes ?? []), ...sectionPages];
  for (const page of pages) {
    if (sections.some((section) => section.path === page.path)) {
      throw new Error(
        `The ${definition.name} console has both a section and a page at "${page.path ?? ''}".`,
      );
    }
  }
  const landing: Route[] = sections.some((section) => section.path === '')
    ? []
    : [{ path: '', pathMatch: 'full', redirectTo: statusPath }];
  return [
    ...landing,
    ...sections.map((section): Route => ({
      path: section.path,
      pathMatch: 'full',
      title: consolePageTitle(definition, section.heading),
      data: { section },
      ...(guards.length > 0 ? { canActivate: guards } : {}),
      loadComponent: () =>
        section.path === statusPath
          ? import('../status/status.page').then((module) => module.StatusPageComponent)
          : import('../section/section.page').then((module) => module.SectionPageComponent),
    })),
    ...pages.map((page): Route =>
      typeof page.title === 'string' ? { ...page, title: consolePageTitle(definition, page.title) } : page,
    ),
    {
      path: '**',
      title: consolePageTitle(definition, 'Page not found'),
      loadComponent: () => import('../section/not-found.page').then((module) => module.NotFoundPageComponent),
    },
  ];
}

/** The console's main navigation: one item per section, in order. */
export function consoleNavItems(definition: ConsoleDefinition): readonly NavItem[] {
  return definition.sections.map((section) => ({
    label: section.label,
    icon: section.icon,
    route: `/${section.path}`,
    exact: section.path === '',
  }));
}
