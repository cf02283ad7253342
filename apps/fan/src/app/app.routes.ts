import { type Route } from '@angular/router';
import { CONSOLE_NAME, SECTIONS, STATUS_SECTION_PATH } from './sections';

/** Every section is its own lazy chunk; the status section also loads the platform status. */
export const routes: Route[] = [
  ...SECTIONS.map((section): Route => ({
    path: section.path,
    pathMatch: 'full',
    title: `${section.heading} · Bandstand ${CONSOLE_NAME}`,
    data: { section },
    loadComponent: () =>
      section.path === STATUS_SECTION_PATH
        ? import('./status/status.page').then((module) => module.StatusPage)
        : import('./section/section.page').then((module) => module.SectionPage),
  })),
  {
    path: '**',
    title: `Page not found · Bandstand ${CONSOLE_NAME}`,
    loadComponent: () => import('./section/not-found.page').then((module) => module.NotFoundPage),
  },
];
