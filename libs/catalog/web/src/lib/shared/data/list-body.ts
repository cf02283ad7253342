import { type Page } from '@bandstand/shared/contracts';

/** A list answer: a plain array, or one page of a cursor-paginated list. */
export type ListBody<T> = readonly T[] | Page<T>;

function isPage<T>(body: ListBody<T>): body is Page<T> {
  return !Array.isArray(body);
}

/** A list answer as a page; a plain array is its own last page. */
export function asPage<T>(body: ListBody<T>): Page<T> {
  return isPage(body) ? body : { items: body, nextCursor: null };
}

/** The items of a list answer, whichever of the two shapes the endpoint uses. */
export function listItems<T>(body: ListBody<T>): readonly T[] {
  return asPage(body).items;
}
