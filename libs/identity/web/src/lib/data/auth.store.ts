import { HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { type SessionUser, type SignInResponse } from '@bandstand/identity/contracts';
import { problemFromError, type ShownProblem } from '@bandstand/shared/web-ui';
import { catchError, finalize, firstValueFrom, map, type Observable, of, shareReplay, tap } from 'rxjs';
import { IDENTITY_STORAGE, SESSION_HINT_KEY } from '../identity.config';
import { AuthClient } from './auth.client';

/** Where the console stands: still asking whether a session exists, signed in, or signed out. */
export type AuthStatus = 'restoring' | 'signed-in' | 'signed-out';

/**
 * The console's session. The access token lives in memory only (a reload restores it from the
 * httpOnly refresh cookie); everything else reads the signed-in user from here.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly client = inject(AuthClient);
  private readonly storage = inject(IDENTITY_STORAGE);

  private readonly session = signal<SignInResponse | null>(null);
  private readonly settled = signal(false);
  private restoring: Promise<void> | null = null;
  private refreshing: Observable<string | null> | null = null;

  /** The signed-in user, or null. */
  readonly user = computed<SessionUser | null>(() => this.session()?.user ?? null);
  /** The bearer token of the api requests, or null. */
  readonly accessToken = computed<string | null>(() => this.session()?.accessToken ?? null);
  /** The id of this browser's session, or null. */
  readonly sessionId = computed<string | null>(() => this.session()?.sessionId ?? null);
  readonly status = computed<AuthStatus>(() => {
    if (this.session() !== null) return 'signed-in';
    return this.settled() ? 'signed-out' : 'restoring';
  });

  /**
   * Restores the session from the refresh cookie, once: later calls wait for the same attempt.
   * Without a sign of an earlier sign-in in this browser it asks nothing (an anonymous visitor
   * has no cookie, and the request would only fail).
   */
  restore(): Promise<void> {
    // A session taken meanwhile (a sign-in before anything asked) needs no restoring.
    this.restoring ??=
      this.session() === null && this.storage?.getItem(SESSION_HINT_KEY)
        ? firstValueFrom(this.refresh()).then(() => undefined)
        : Promise.resolve();
    return this.restoring.then(() => this.settled.set(true));
  }

  /**
   * A new access token from the refresh cookie, or null when there is no session any more. Calls
   * made while a refresh is running share it: the refresh token rotates, and a second use of the
   * same one would end the session as a reuse.
   */
  refresh(): Observable<string | null> {
    this.refreshing ??= this.client.refresh().pipe(
      tap((response) => this.accept(response)),
      map((response) => response.accessToken),
      catchError((error: unknown) => {
        // A refusal means the cookie is gone or spent; a network failure may pass, so the next
        // reload tries again.
        this.forget(!(error instanceof HttpErrorResponse) || error.status === 0 ? 'keep-hint' : 'drop-hint');
        return of(null);
      }),
      finalize(() => {
        this.refreshing = null;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** Takes the answer of any sign-in (password, e-mail link, wallet, refresh) as the session. */
  accept(response: SignInResponse): void {
    this.session.set(response);
    this.settled.set(true);
    this.storage?.setItem(SESSION_HINT_KEY, '1');
  }

  /** Updates what the console shows of the user after a profile change. */
  patchUser(patch: Partial<Pick<SessionUser, 'displayName'>>): void {
    this.session.update((current) =>
      current === null ? null : { ...current, user: { ...current.user, ...patch } },
    );
  }

  /**
   * Signs out: the api revokes the session and clears the cookie. The console forgets the session
   * in any case; the problem is returned when the api could not be told, so that the user knows
   * the cookie may still be valid.
   */
  async signOut(): Promise<ShownProblem | null> {
    try {
      await firstValueFrom(this.client.signOut());
      return null;
    } catch (error: unknown) {
      return problemFromError(error);
    } finally {
      this.forget('drop-hint');
    }
  }

  /** Forgets the session without asking the api (it has ended it already: revoked, deleted). */
  clear(): void {
    this.forget('drop-hint');
  }

  private forget(hint: 'keep-hint' | 'drop-hint'): void {
    this.session.set(null);
    this.settled.set(true);
    if (hint === 'drop-hint') this.storage?.removeItem(SESSION_HINT_KEY);
  }
}
