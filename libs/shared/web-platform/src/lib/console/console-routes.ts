import { type Route } from '@angular/router';
import { type NavItem } from '@bandstand/shared/web-ui';
import { type ConsoleDefinition } from './console-definition';

/** The title of a page of the console, as the browser's tab shows it. */
export function consolePageTitle(definition: ConsoleDefinition, heading: string): string {
  return `${heading} · Bandstand ${definition.name}`;
}

/**
 * The console's routes: every section is its own lazy chunk bound to the section's data, the status
 * section also loads the platform status, a console without a section at '' lands on the status
 * section, and any other path answers with a not-found page.
 */
export function consoleRoutes(definition: ConsoleDefinition): Route[] {
  const { sections, statusPath } = definition;
  if (!sections.some((section) => section.path === statusPath)) {
    throw new Error(
      `The ${definition.name} console shows the platform status at "${statusPath}", which is none of its sections.`,
    );
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
      loadComponent: () =>
        section.path === statusPath
          ? import('../status/status.page').then((module) => module.StatusPageComponent)
          : import('../section/section.page').then((module) => module.SectionPageComponent),
    })),
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
