/** Name of the catalog bounded context, as written in event metadata and project tags. */
export const CATALOG_CONTEXT = 'catalog' as const;
