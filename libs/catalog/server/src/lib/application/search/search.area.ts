import { type CatalogArea } from '../../catalog-area';
import { SearchController } from './search.controller';
import { SearchProjection, SearchTermsProjection } from './search.projection';
import { SearchQueries } from './search.queries';

/**
 * Search over releases, tracks and artists: the inline projection keeping catalog.search_entries,
 * the vocabulary for typo correction (kept by the worker), and the org and public search routes.
 */
export const searchArea: CatalogArea = {
  providers: [SearchProjection, SearchTermsProjection, SearchQueries],
  controllers: [SearchController],
};
