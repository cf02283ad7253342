import { HttpClient, HttpErrorResponse, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type Artist,
  type ArtistInput,
  type Asset,
  type AssetKind,
  type BatchEditRequest,
  type CalendarEntry,
  type CalendarQuery,
  type ChangePlan,
  type ChangePlanItem,
  type CreateReleaseRequest,
  type ImportRequest,
  orgCatalogPath,
  type PublishVersionRequest,
  type ReleaseComparison,
  type ReleaseDetail,
  type ReleaseHistoryEntry,
  type ReleaseListQuery,
  type ReleaseRef,
  type ReleaseSummary,
  type ReleaseVersion,
  type ReviseDraftRequest,
  type ScheduleReleaseRequest,
  type SearchHit,
  type SearchQuery,
  type TakeDownRequest,
  type TrackListQuery,
  type TrackSummary,
} from '@bandstand/catalog/contracts';
import { type Page } from '@bandstand/shared/contracts';
import { catchError, from, map, type Observable, switchMap, throwError } from 'rxjs';
import { readBlobText } from './blob-text';
import { asPage, type ListBody, listItems } from './list-body';

/** Media type of an import sent as one JSON document larger than the api's plain JSON limit. */
export const IMPORT_CONTENT_TYPE = 'application/vnd.bandstand.import+json';

function query(values: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/** Rethrows a failed blob request with its body parsed, when it is JSON (a problem). */
function problemFromBlob(error: unknown): Observable<never> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return throwError(() => error);
  return from(readBlobText(error.error)).pipe(
    switchMap((text) => {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: the text itself is the most there is to show.
      }
      return throwError(
        () =>
          new HttpErrorResponse({
            error: body,
            headers: error.headers,
            status: error.status,
            statusText: error.statusText,
            url: error.url ?? undefined,
          }),
      );
    }),
  );
}

/** An organisation's catalog on the api: releases, tracks, artists, assets, plans and search. */
@Injectable({ providedIn: 'root' })
export class CatalogClient {
  private readonly http = inject(HttpClient);

  private path(orgId: string, ...parts: readonly (string | number)[]): string {
    return [orgCatalogPath(orgId), ...parts.map((part) => encodeURIComponent(String(part)))].join('/');
  }

  private release$(orgId: string, releaseId: string, ...parts: readonly (string | number)[]): string {
    return this.path(orgId, 'releases', releaseId, ...parts);
  }

  releases(orgId: string, filter: ReleaseListQuery = {}): Observable<Page<ReleaseSummary>> {
    return this.http
      .get<ListBody<ReleaseSummary>>(this.path(orgId, 'releases'), { params: query(filter) })
      .pipe(map(asPage));
  }

  release(orgId: string, releaseId: string): Observable<ReleaseDetail> {
    return this.http.get<ReleaseDetail>(this.release$(orgId, releaseId));
  }

  createRelease(orgId: string, request: CreateReleaseRequest): Observable<ReleaseDetail> {
    return this.http.post<ReleaseDetail>(this.path(orgId, 'releases'), request);
  }

  reviseDraft(orgId: string, releaseId: string, request: ReviseDraftRequest): Observable<ReleaseDetail> {
    return this.http.put<ReleaseDetail>(this.release$(orgId, releaseId, 'draft'), request);
  }

  publishVersion(
    orgId: string,
    releaseId: string,
    request: PublishVersionRequest,
  ): Observable<ReleaseDetail> {
    return this.http.post<ReleaseDetail>(this.release$(orgId, releaseId, 'versions'), request);
  }

  schedule(orgId: string, releaseId: string, request: ScheduleReleaseRequest): Observable<ReleaseDetail> {
    return this.http.put<ReleaseDetail>(this.release$(orgId, releaseId, 'schedule'), request);
  }

  unschedule(orgId: string, releaseId: string): Observable<ReleaseDetail> {
    return this.http.delete<ReleaseDetail>(this.release$(orgId, releaseId, 'schedule'));
  }

  releaseNow(orgId: string, releaseId: string): Observable<ReleaseDetail> {
    return this.http.post<ReleaseDetail>(this.release$(orgId, releaseId, 'release'), {});
  }

  takeDown(orgId: string, releaseId: string, request: TakeDownRequest): Observable<ReleaseDetail> {
    return this.http.post<ReleaseDetail>(this.release$(orgId, releaseId, 'takedown'), request);
  }

  reinstate(orgId: string, releaseId: string): Observable<ReleaseDetail> {
    return this.http.post<ReleaseDetail>(this.release$(orgId, releaseId, 'reinstate'), {});
  }

  deleteRelease(orgId: string, releaseId: string): Observable<unknown> {
    return this.http.delete<unknown>(this.release$(orgId, releaseId));
  }

  history(orgId: string, releaseId: string): Observable<readonly ReleaseHistoryEntry[]> {
    return this.http
      .get<ListBody<ReleaseHistoryEntry>>(this.release$(orgId, releaseId, 'history'))
      .pipe(map(listItems));
  }

  version(orgId: string, releaseId: string, version: number): Observable<ReleaseVersion> {
    return this.http.get<ReleaseVersion>(this.release$(orgId, releaseId, 'versions', version));
  }

  compare(orgId: string, releaseId: string, from: ReleaseRef, to: ReleaseRef): Observable<ReleaseComparison> {
    return this.http.get<ReleaseComparison>(this.release$(orgId, releaseId, 'compare'), {
      params: query({ from, to }),
    });
  }

  /** Where the release's ERN message is downloaded from (fetched with the bearer token, see {@link download}). */
  ernPath(orgId: string, releaseId: string): string {
    return this.release$(orgId, releaseId, 'ern');
  }

  /** Where the catalog's CSV export is downloaded from. */
  csvExportPath(orgId: string): string {
    return this.path(orgId, 'export.csv');
  }

  /**
   * A file of the api as a blob: downloads and images need the bearer token a plain link cannot
   * send. A failure's problem+json arrives as a blob too, so it is read back into the error.
   */
  download(path: string): Observable<Blob> {
    return this.http.get(path, { responseType: 'blob' }).pipe(catchError(problemFromBlob));
  }

  tracks(orgId: string, filter: TrackListQuery = {}): Observable<Page<TrackSummary>> {
    return this.http
      .get<ListBody<TrackSummary>>(this.path(orgId, 'tracks'), { params: query(filter) })
      .pipe(map(asPage));
  }

  calendar(orgId: string, range: CalendarQuery): Observable<readonly CalendarEntry[]> {
    return this.http
      .get<ListBody<CalendarEntry>>(this.path(orgId, 'calendar'), { params: query(range) })
      .pipe(map(listItems));
  }

  artists(orgId: string): Observable<readonly Artist[]> {
    return this.http
      .get<ListBody<Artist>>(this.path(orgId, 'artists'), { params: query({ limit: 200 }) })
      .pipe(map(listItems));
  }

  createArtist(orgId: string, input: ArtistInput): Observable<Artist> {
    return this.http.post<Artist>(this.path(orgId, 'artists'), input);
  }

  updateArtist(orgId: string, artistId: string, input: ArtistInput): Observable<Artist> {
    return this.http.patch<Artist>(this.path(orgId, 'artists', artistId), input);
  }

  /** Uploads a file's raw bytes with its own content type; the api checks the content. */
  uploadAsset(orgId: string, kind: AssetKind, file: Blob): Observable<Asset> {
    return this.http.post<Asset>(this.path(orgId, 'assets'), file, {
      params: query({ kind }),
      headers: new HttpHeaders({ 'content-type': file.type || 'application/octet-stream' }),
    });
  }

  /** Where an asset's bytes are read from. */
  assetContentPath(orgId: string, assetId: string): string {
    return this.path(orgId, 'assets', assetId, 'content');
  }

  search(orgId: string, search: SearchQuery): Observable<readonly SearchHit[]> {
    return this.http
      .get<ListBody<SearchHit>>(this.path(orgId, 'search'), { params: query(search) })
      .pipe(map(listItems));
  }

  previewBatch(orgId: string, request: BatchEditRequest): Observable<ChangePlan> {
    return this.http.post<ChangePlan>(this.path(orgId, 'batch-edits'), request);
  }

  /** Sent as one JSON document of its own media type, which the api accepts up to MAX_IMPORT_BYTES. */
  previewImport(orgId: string, request: ImportRequest): Observable<ChangePlan> {
    return this.http.post<ChangePlan>(this.path(orgId, 'imports'), JSON.stringify(request), {
      headers: new HttpHeaders({ 'content-type': IMPORT_CONTENT_TYPE }),
    });
  }

  /** A page of a plan's items: `cursor` continues after the previous page, `limit` caps its size. */
  planItems(
    orgId: string,
    planId: string,
    cursor?: string,
    limit?: number,
  ): Observable<Page<ChangePlanItem>> {
    return this.http
      .get<ListBody<ChangePlanItem>>(this.path(orgId, 'plans', planId, 'items'), {
        params: query({ cursor, limit }),
      })
      .pipe(map(asPage));
  }

  applyPlan(orgId: string, planId: string): Observable<ChangePlan> {
    return this.http.post<ChangePlan>(this.path(orgId, 'plans', planId, 'apply'), {});
  }

  discardPlan(orgId: string, planId: string): Observable<unknown> {
    return this.http.delete<unknown>(this.path(orgId, 'plans', planId));
  }
}
