import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  PUBLIC_CATALOG_PATH,
  type PublicArtist,
  type PublicRelease,
  type PublicReleaseSummary,
  type SearchHit,
} from '@bandstand/catalog/contracts';
import { type Page } from '@bandstand/shared/contracts';
import { map, type Observable } from 'rxjs';
import { type ListBody, listItems } from '../../shared/data/list-body';

/** Releases the Discover view asks for at a time. */
export const DISCOVER_PAGE_SIZE = 24;

/**
 * The public catalog on the api, as fans see it: what is out in their territory (the api decides
 * the territory; the console never sends one). Anonymous: nothing here needs a session.
 */
@Injectable({ providedIn: 'root' })
export class PublicCatalogClient {
  private readonly http = inject(HttpClient);

  /** Visible releases, newest first; `cursor` is the previous page's `nextCursor`. */
  releases(cursor: string | null, limit = DISCOVER_PAGE_SIZE): Observable<Page<PublicReleaseSummary>> {
    let params = new HttpParams().set('limit', String(limit));
    if (cursor !== null) params = params.set('cursor', cursor);
    return this.http.get<Page<PublicReleaseSummary>>(`${PUBLIC_CATALOG_PATH}/releases`, { params });
  }

  release(releaseId: string): Observable<PublicRelease> {
    return this.http.get<PublicRelease>(`${PUBLIC_CATALOG_PATH}/releases/${encodeURIComponent(releaseId)}`);
  }

  artist(artistId: string): Observable<PublicArtist> {
    return this.http.get<PublicArtist>(`${PUBLIC_CATALOG_PATH}/artists/${encodeURIComponent(artistId)}`);
  }

  /** Releases, tracks and artists matching `q`, best first. */
  search(q: string): Observable<readonly SearchHit[]> {
    return this.http
      .get<ListBody<SearchHit>>(`${PUBLIC_CATALOG_PATH}/search`, { params: new HttpParams().set('q', q) })
      .pipe(map(listItems));
  }
}
