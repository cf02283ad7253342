import { type FastifyRequest } from 'fastify';
import { TERRITORY_HEADER, WORLDWIDE } from '@bandstand/catalog/contracts';
import { type ApiConfig } from '@bandstand/shared/config';

/** The part of the api's config that says where a viewer is. */
export type TerritoryConfig = Partial<
  Pick<ApiConfig, 'CATALOG_TRUST_TERRITORY_HEADER' | 'CATALOG_DEFAULT_TERRITORY'>
>;

/** Where a viewer is when nothing else says so and the config names no territory (the worker). */
const FALLBACK_TERRITORY = 'US';

/**
 * The territory (ISO 3166-1 alpha-2) a public request is answered for: the edge's
 * `x-bandstand-territory` header when CATALOG_TRUST_TERRITORY_HEADER says the edge sets it (and drops
 * what clients send), else CATALOG_DEFAULT_TERRITORY. A malformed or repeated header, or `WW` (not a
 * place anyone is in), falls back to the default rather than failing: the page still shows, as for
 * anyone in the default territory.
 */
export function viewerTerritory(request: Pick<FastifyRequest, 'headers'>, config: TerritoryConfig): string {
  const fallback = config.CATALOG_DEFAULT_TERRITORY ?? FALLBACK_TERRITORY;
  if (config.CATALOG_TRUST_TERRITORY_HEADER !== true) return fallback;
  const value = request.headers[TERRITORY_HEADER];
  if (typeof value !== 'string') return fallback;
  const territory = value.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(territory) && territory !== WORLDWIDE ? territory : fallback;
}
