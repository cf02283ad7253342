import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { type SessionSummary } from '@bandstand/identity/contracts';
import { type FieldError } from '@bandstand/shared/contracts';
import {
  ErrorStateComponent,
  FieldErrorComponent,
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { catchError, firstValueFrom, of } from 'rxjs';
import { AccountClient } from '../../data/account.client';
import { AuthClient } from '../../data/auth.client';
import { AuthStore } from '../../data/auth.store';
import { LEAVE_CONSOLE, SAVE_FILE } from '../../data/browser';
import { WalletSigner } from '../../siwe/wallet-signer';
import { formFailure, problemOf } from '../../ui/form-failure';
import { type DeleteAccountData, DeleteAccountDialogComponent } from './delete-account.dialog';
import { LinkedProvidersComponent } from './linked-providers.component';
import { LinkedWalletsComponent } from './linked-wallets.component';
import { SessionListComponent } from './session-list.component';

/** The parts of the page an action's problem is shown in. */
type Area = 'profile' | 'wallets' | 'providers' | 'sessions' | 'data';

/** The name of the export file: the api's, or one that says what and when. */
function exportFileName(disposition: string | null, now: Date): string {
  const named = disposition === null ? null : /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return named ?? `bandstand-my-data-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * The signed-in user's account: profile, linked wallets and sign-in providers, active sessions,
 * the export of their data and the deletion of the account.
 */
@Component({
  selector: 'bs-account-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatInput,
    MatError,
    MatButton,
    MatAnchor,
    MatIcon,
    FieldErrorComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    ProblemAlertComponent,
    LinkedWalletsComponent,
    LinkedProvidersComponent,
    SessionListComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account.page.html',
  styleUrl: './account.page.scss',
})
export class AccountPageComponent {
  private readonly account = inject(AccountClient);
  private readonly auth = inject(AuthClient);
  private readonly store = inject(AuthStore);
  private readonly wallet = inject(WalletSigner);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly leave = inject(LEAVE_CONSOLE);
  private readonly saveFile = inject(SAVE_FILE);

  protected readonly profile = rxResource({ stream: () => this.account.profile() });
  protected readonly sessions = rxResource({ stream: () => this.account.sessions() });
  /** Without the list of providers the rest of the page still works, so a failure shows none. */
  protected readonly providers = rxResource({
    stream: () => this.auth.providers().pipe(catchError(() => of([]))),
    defaultValue: [],
  });

  protected readonly nameForm = new FormGroup({
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(100)],
    }),
  });

  protected readonly busy = signal<Area | null>(null);
  protected readonly problems = signal<Partial<Record<Area, ShownProblem>>>({});
  protected readonly unmatched = signal<readonly FieldError[]>([]);
  /** The last action that worked, announced politely. */
  protected readonly notice = signal('');
  protected readonly deleted = signal(false);

  constructor() {
    effect(() => {
      const profile = this.profile.value();
      if (profile !== undefined && !this.nameForm.dirty) {
        this.nameForm.setValue({ displayName: profile.displayName });
      }
    });
  }

  protected problemIn(area: Area): ShownProblem | null {
    return this.problems()[area] ?? null;
  }

  protected loadProblem(error: unknown): ShownProblem {
    return problemFromError(error);
  }

  protected async saveName(): Promise<void> {
    if (this.nameForm.invalid) {
      this.nameForm.markAllAsTouched();
      return;
    }
    this.unmatched.set([]);
    await this.run('profile', async () => {
      try {
        const profile = await firstValueFrom(this.account.updateProfile(this.nameForm.getRawValue()));
        this.profile.set(profile);
        this.nameForm.markAsPristine();
        this.store.patchUser({ displayName: profile.displayName });
        this.notice.set('Your display name was saved.');
      } catch (error: unknown) {
        const failure = formFailure(this.nameForm, error);
        this.unmatched.set(failure.unmatched);
        throw error;
      }
    });
  }

  protected async linkWallet(): Promise<void> {
    await this.run('wallets', async () => {
      const submission = await this.wallet.sign('link');
      const linked = await firstValueFrom(this.account.linkWallet(submission));
      this.profile.reload();
      this.notice.set(`Wallet ${linked.address} was linked.`);
    });
  }

  protected async unlinkWallet(address: string): Promise<void> {
    await this.run('wallets', async () => {
      await firstValueFrom(this.account.unlinkWallet(address));
      this.profile.reload();
      this.notice.set(`Wallet ${address} was unlinked.`);
    });
  }

  protected async linkProvider(provider: string): Promise<void> {
    await this.run('providers', async () => {
      const { redirectUrl } = await firstValueFrom(this.account.startProviderLink(provider));
      this.leave(redirectUrl);
    });
  }

  protected async endSession(session: SessionSummary): Promise<void> {
    if (session.current) {
      await this.store.signOut();
      await this.router.navigateByUrl('/sign-in');
      return;
    }
    await this.run('sessions', async () => {
      await firstValueFrom(this.account.endSession(session.sessionId));
      this.sessions.reload();
      this.notice.set('The session was signed out.');
    });
  }

  protected async signOutEverywhere(): Promise<void> {
    await this.run('sessions', async () => {
      await firstValueFrom(this.account.signOutEverywhere());
      // The api has ended this browser's session too.
      this.store.clear();
      await this.router.navigateByUrl('/sign-in');
    });
  }

  protected async download(): Promise<void> {
    await this.run('data', async () => {
      const response = await firstValueFrom(this.account.exportData());
      const content = new Blob([JSON.stringify(response.body, null, 2)], { type: 'application/json' });
      this.saveFile(exportFileName(response.headers.get('content-disposition'), new Date()), content);
      this.notice.set('Your data was downloaded.');
    });
  }

  protected async deleteAccount(): Promise<void> {
    const data: DeleteAccountData = {
      delete: async (confirmation) => {
        await firstValueFrom(this.account.deleteAccount({ confirmation }));
      },
    };
    const deleted: unknown = await firstValueFrom(
      this.dialog.open(DeleteAccountDialogComponent, { data, autoFocus: 'first-tabbable' }).afterClosed(),
    );
    if (deleted === true) {
      this.store.clear();
      this.deleted.set(true);
    }
  }

  private async run(area: Area, action: () => Promise<void>): Promise<void> {
    this.busy.set(area);
    this.notice.set('');
    this.problems.update((current) => ({ ...current, [area]: undefined }));
    try {
      await action();
    } catch (error: unknown) {
      this.problems.update((current) => ({ ...current, [area]: problemOf(error) }));
    } finally {
      this.busy.set(null);
    }
  }
}
