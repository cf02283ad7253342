import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { type HealthReport, type ServiceMeta } from '@bandstand/shared/contracts';
import { problemFromError, type ShownProblem } from '@bandstand/shared/web-ui';
import { catchError, map, type Observable, of } from 'rxjs';

/** A request's outcome as the page shows it: the value, or the problem that stopped it. */
export type Loaded<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ShownProblem };

/** The api's readiness report, on the console's own origin (the api serves the consoles). */
export const READINESS_PATH = '/api/health/ready';
/** The release the api runs, on the console's own origin. */
export const META_PATH = '/api/v1/meta';

function isHealthReport(value: unknown): value is HealthReport {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    (candidate['status'] === 'up' || candidate['status'] === 'down') &&
    Array.isArray(candidate['dependencies'])
  );
}

/** Asks the api how it is: readiness of its dependencies and the release it runs. */
@Injectable({ providedIn: 'root' })
export class PlatformStatusService {
  private readonly http = inject(HttpClient);

  /** Readiness: a 503 still carries the report (naming what is down), so it is a result, not a failure. */
  readiness(): Observable<Loaded<HealthReport>> {
    return this.http.get<HealthReport>(READINESS_PATH).pipe(
      map((value): Loaded<HealthReport> => ({ ok: true, value })),
      catchError((error: unknown) =>
        of<Loaded<HealthReport>>(
          error instanceof HttpErrorResponse && error.status === 503 && isHealthReport(error.error)
            ? { ok: true, value: error.error }
            : { ok: false, problem: problemFromError(error) },
        ),
      ),
    );
  }

  /** The release the api runs; any failure is a problem to show. */
  meta(): Observable<Loaded<ServiceMeta>> {
    return this.http.get<ServiceMeta>(META_PATH).pipe(
      map((value): Loaded<ServiceMeta> => ({ ok: true, value })),
      catchError((error: unknown) =>
        of<Loaded<ServiceMeta>>({ ok: false, problem: problemFromError(error) }),
      ),
    );
  }
}
