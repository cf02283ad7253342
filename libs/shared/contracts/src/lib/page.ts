/** One page of a cursor-paginated list. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque cursor of the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

/** Query parameters of a cursor-paginated list endpoint. */
export interface PageRequest {
  /** The `nextCursor` of the previous page; absent for the first page. */
  readonly cursor?: string;
  /** How many items to return, from 1 to {@link MAX_PAGE_LIMIT}; {@link DEFAULT_PAGE_LIMIT} when absent. */
  readonly limit?: number;
}

/** Page size when the client asks for none. */
export const DEFAULT_PAGE_LIMIT = 50;

/** Largest page a client may ask for. */
export const MAX_PAGE_LIMIT = 200;

/** The page size to use for a requested `limit`: the default when absent, clamped to 1…MAX. */
export function pageLimit(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_PAGE_LIMIT;
  return Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.trunc(requested)));
}

/** The last page of a list: its items and no cursor. */
export function lastPage<T>(items: readonly T[]): Page<T> {
  return { items, nextCursor: null };
}
