import { type Route } from '@angular/router';
import { ArtistsPageComponent } from './artists/artists.page';
import { BatchEditPageComponent } from './batch/batch-edit.page';
import { ReleaseCalendarPageComponent } from './calendar/release-calendar.page';
import { creatorCatalogFeature, loadCatalogView } from './creator-catalog.feature';
import { ImportExportPageComponent } from './import/import-export.page';
import { CatalogOverviewViewComponent } from './overview/catalog-overview.view';
import { ReleaseEditorPageComponent } from './release-editor/release-editor.page';

async function loaded(route: Route | undefined): Promise<unknown> {
  if (route?.loadComponent === undefined) throw new Error('no lazy page');
  return await route.loadComponent();
}

describe('the creator catalog feature', () => {
  it('puts its pages under the catalog section, behind the section guards, each loaded lazily', async () => {
    const feature = creatorCatalogFeature();
    expect(feature.routes).toBeUndefined();
    const pages = feature.sectionRoutes ?? [];
    const at = (path: string) => pages.find((page) => page.path === path);
    expect(pages.map((page) => page.path)).toEqual([
      'catalog/releases/new',
      'catalog/releases/:releaseId',
      'catalog/calendar',
      'catalog/batch',
      'catalog/import',
      'catalog/artists',
    ]);
    expect(await loaded(at('catalog/releases/new'))).toBe(ReleaseEditorPageComponent);
    expect(await loaded(at('catalog/releases/:releaseId'))).toBe(ReleaseEditorPageComponent);
    expect(await loaded(at('catalog/calendar'))).toBe(ReleaseCalendarPageComponent);
    expect(await loaded(at('catalog/batch'))).toBe(BatchEditPageComponent);
    expect(await loaded(at('catalog/import'))).toBe(ImportExportPageComponent);
    expect(await loaded(at('catalog/artists'))).toBe(ArtistsPageComponent);
    expect(pages.every((page) => typeof page.title === 'string')).toBe(true);
    expect(await loadCatalogView()).toBe(CatalogOverviewViewComponent);
  });
});
