import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { type SignInResponse } from '@bandstand/identity/contracts';
import { AuthStore } from './auth.store';
import { safeReturnUrl } from './return-url';

/** The end of every sign-in: keep the session, then go where the user was headed. */
@Injectable({ providedIn: 'root' })
export class SignInFlow {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  /**
   * Takes the session and opens `returnUrl` (when it is a safe path of this console) or the start
   * page; the page's own guard then decides (the staff console signs non-staff out again).
   */
  async finish(response: SignInResponse, returnUrl: string | null | undefined): Promise<void> {
    this.store.accept(response);
    await this.router.navigateByUrl(safeReturnUrl(returnUrl) ?? '/');
  }
}
