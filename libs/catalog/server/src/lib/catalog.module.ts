import { type DynamicModule, Module } from '@nestjs/common';
import { artistsArea } from './application/artists/artists.area';
import { assetsArea } from './application/assets/assets.area';
import { ernArea } from './application/ern/ern.area';
import { plansArea } from './application/plans/plans.area';
import { publicArea } from './application/public/public.area';
import { releasesArea } from './application/releases/releases.area';
import { searchArea } from './application/search/search.area';
import { type CatalogArea } from './catalog-area';

const areas: readonly CatalogArea[] = [
  assetsArea,
  artistsArea,
  releasesArea,
  plansArea,
  ernArea,
  searchArea,
  publicArea,
];

/**
 * The catalog context's Nest module, imported by the api (with its controllers) and the worker:
 * artists, releases with their drafts, versions and schedules, batch edits and imports (CSV, DDEX
 * ERN), artwork and audio, search and the public catalog fans browse.
 */
@Module({})
export class CatalogModule {
  static forRoot(role: 'api' | 'worker'): DynamicModule {
    return {
      module: CatalogModule,
      imports: areas.flatMap((area) => area.imports ?? []),
      providers: areas.flatMap((area) => area.providers),
      controllers: role === 'api' ? areas.flatMap((area) => area.controllers ?? []) : [],
    };
  }
}
