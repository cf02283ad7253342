import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type AcceptedResponse,
  AUTH_PATH,
  type AuthProvider,
  type ConsoleName,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  type SignInRequest,
  type SignInResponse,
  type SignUpRequest,
  type SiweChallenge,
  type SiweChallengeRequest,
  type SiweSubmission,
  type VerifyEmailRequest,
} from '@bandstand/identity/contracts';
import { map, type Observable } from 'rxjs';
import { type ListBody, listItems } from './list-items';

/** Where a "Continue with <provider>" link starts the provider's sign-in for `console`. */
export function oidcStartUrl(provider: string, console: ConsoleName): string {
  return `${AUTH_PATH}/oidc/${encodeURIComponent(provider)}/start?console=${console}&mode=sign-in`;
}

/**
 * The api's `/auth` endpoints. Requests that start, rotate or end a session send credentials so
 * that the httpOnly refresh cookie travels with them.
 */
@Injectable({ providedIn: 'root' })
export class AuthClient {
  private readonly http = inject(HttpClient);

  signUp(request: SignUpRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>(`${AUTH_PATH}/sign-up`, request);
  }

  signIn(request: SignInRequest): Observable<SignInResponse> {
    return this.http.post<SignInResponse>(`${AUTH_PATH}/sign-in`, request, { withCredentials: true });
  }

  verifyEmail(request: VerifyEmailRequest): Observable<SignInResponse> {
    return this.http.post<SignInResponse>(`${AUTH_PATH}/verify-email`, request, { withCredentials: true });
  }

  /** Rotates the refresh cookie and answers a new access token. */
  refresh(): Observable<SignInResponse> {
    return this.http.post<SignInResponse>(`${AUTH_PATH}/refresh`, null, { withCredentials: true });
  }

  signOut(): Observable<void> {
    return this.http.post<void>(`${AUTH_PATH}/sign-out`, null, { withCredentials: true });
  }

  requestPasswordReset(request: PasswordResetRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>(`${AUTH_PATH}/password-reset`, request);
  }

  confirmPasswordReset(request: PasswordResetConfirmRequest): Observable<void> {
    return this.http.post<void>(`${AUTH_PATH}/password-reset/confirm`, request);
  }

  providers(): Observable<readonly AuthProvider[]> {
    return this.http.get<ListBody<AuthProvider>>(`${AUTH_PATH}/providers`).pipe(map(listItems));
  }

  siweChallenge(purpose: SiweChallengeRequest['purpose']): Observable<SiweChallenge> {
    const request: SiweChallengeRequest = { purpose };
    return this.http.post<SiweChallenge>(`${AUTH_PATH}/siwe/nonce`, request);
  }

  siweSignIn(submission: SiweSubmission): Observable<SignInResponse> {
    return this.http.post<SignInResponse>(`${AUTH_PATH}/siwe/sign-in`, submission, { withCredentials: true });
  }
}
