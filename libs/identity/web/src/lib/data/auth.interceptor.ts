import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { AUTH_PATH } from '@bandstand/identity/contracts';
import { ACCESS_ERROR_CODES, isProblemDetails } from '@bandstand/shared/contracts';
import { catchError, of, switchMap, throwError } from 'rxjs';
import { AuthStore } from './auth.store';

/** Requests that carry the bearer token: the api's, except `/auth`, which works from the cookie. */
function needsToken(request: HttpRequest<unknown>): boolean {
  return request.url.startsWith('/api/') && !request.url.startsWith(`${AUTH_PATH}/`);
}

function tokenExpired(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 401 &&
    isProblemDetails(error.error) &&
    error.error.code === ACCESS_ERROR_CODES.tokenExpired
  );
}

/**
 * Adds `Authorization: Bearer <access token>` to the api's requests. When the api answers that the
 * token has expired, it gets a new one (one refresh shared by all requests waiting for it) and
 * sends the request once more; any other answer, and a failed refresh, reaches the caller as is.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!needsToken(request)) return next(request);
  const store = inject(AuthStore);
  const token = store.accessToken();
  const send = (bearer: string | null) =>
    next(bearer === null ? request : request.clone({ setHeaders: { Authorization: `Bearer ${bearer}` } }));
  return send(token).pipe(
    catchError((error: unknown) => {
      if (token === null || !tokenExpired(error)) return throwError(() => error);
      // Another request may have refreshed meanwhile: its token is new, so use it.
      const current = store.accessToken();
      const fresh = current !== null && current !== token ? of(current) : store.refresh();
      return fresh.pipe(switchMap((bearer) => (bearer === null ? throwError(() => error) : send(bearer))));
    }),
  );
};
