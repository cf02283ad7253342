/**
 * What the rest of the workspace may use of search, through `@bandstand/catalog/server`: the
 * catalog benchmark (tools/bench) queries it and fills its vocabulary as the worker would.
 */
export { SearchQueries, type SearchRequest, MAX_SEARCH_LIMIT } from './search.queries';
export { SearchTermsProjection } from './search.projection';
export { normaliseSearchText } from './search-text';
