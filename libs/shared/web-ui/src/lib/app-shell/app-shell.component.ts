import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { map } from 'rxjs';
import { type NavItem } from './nav-item';

/** Below this width the navigation becomes a drawer that opens over the page. */
export const HANDSET_QUERY = '(max-width: 599.98px)';

/**
 * The frame of every console: a toolbar with the brand and an account slot, the main navigation
 * (a side panel on wide screens, a drawer on phones) and the page. Project the account area with
 * the `bsShellAccount` attribute and the page (usually a `<router-outlet />`) as plain content.
 */
@Component({
  selector: 'bs-app-shell',
  imports: [
    MatToolbar,
    MatIconButton,
    MatIcon,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    RouterLink,
    RouterLinkActive,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app-shell.component.html',
  styleUrl: './app-shell.component.scss',
  host: { class: 'bs-app-shell', '[class.bs-app-shell--handset]': 'handset()' },
})
export class AppShellComponent {
  /** Product name shown first in the toolbar. */
  readonly brand = input('Bandstand');
  /** Which console this is, shown after the brand (e.g. "Creator"); not `title`, which would become a tooltip on the host. */
  readonly consoleName = input.required<string>();
  /** Material Symbols ligature shown before the brand. */
  readonly brandIcon = input('graphic_eq');
  /** The main navigation, in display order. */
  readonly navItems = input.required<readonly NavItem[]>();
  /** Accessible name of the navigation landmark. */
  readonly navLabel = input('Main navigation');

  private readonly drawer = viewChild.required(MatSidenav);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  /** True on narrow screens, where the navigation is a drawer over the page. */
  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe(HANDSET_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected toggleDrawer(): void {
    void this.drawer().toggle();
  }

  protected navigated(): void {
    if (this.handset()) void this.drawer().close();
  }

  /** The skip link moves focus without touching the URL (a fragment would fight the base href). */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
