import { HttpClient, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type DeleteAccountRequest,
  type LinkedWallet,
  ME_PATH,
  type Profile,
  type SessionSummary,
  type SiweSubmission,
  type UpdateProfileRequest,
  type ExternalRedirect,
} from '@bandstand/identity/contracts';
import { map, type Observable } from 'rxjs';
import { type ListBody, listItems } from './list-items';

/** Answer of POST /me/external-identities/:provider: where the console navigates. */
export type ProviderLinkStart = ExternalRedirect;

/** The signed-in user's own endpoints (`/me`). */
@Injectable({ providedIn: 'root' })
export class AccountClient {
  private readonly http = inject(HttpClient);

  profile(): Observable<Profile> {
    return this.http.get<Profile>(ME_PATH);
  }

  updateProfile(request: UpdateProfileRequest): Observable<Profile> {
    return this.http.patch<Profile>(ME_PATH, request);
  }

  sessions(): Observable<readonly SessionSummary[]> {
    return this.http.get<ListBody<SessionSummary>>(`${ME_PATH}/sessions`).pipe(map(listItems));
  }

  endSession(sessionId: string): Observable<void> {
    return this.http.delete<void>(`${ME_PATH}/sessions/${encodeURIComponent(sessionId)}`);
  }

  signOutEverywhere(): Observable<void> {
    return this.http.post<void>(`${ME_PATH}/sessions/sign-out-everywhere`, null);
  }

  linkWallet(submission: SiweSubmission): Observable<LinkedWallet> {
    return this.http.post<LinkedWallet>(`${ME_PATH}/wallets`, submission);
  }

  unlinkWallet(address: string): Observable<void> {
    return this.http.delete<void>(`${ME_PATH}/wallets/${encodeURIComponent(address)}`);
  }

  /** Starts linking an OAuth/OIDC provider; the browser then goes to `redirectUrl`. */
  startProviderLink(provider: string): Observable<ProviderLinkStart> {
    return this.http.post<ProviderLinkStart>(
      `${ME_PATH}/external-identities/${encodeURIComponent(provider)}`,
      null,
    );
  }

  /** Everything the platform holds about the user, with the api's headers (for the file name). */
  exportData(): Observable<HttpResponse<unknown>> {
    return this.http.get<unknown>(`${ME_PATH}/export`, { observe: 'response' });
  }

  deleteAccount(request: DeleteAccountRequest): Observable<void> {
    return this.http.post<void>(`${ME_PATH}/deletion`, request);
  }
}
