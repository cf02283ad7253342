import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AppShellComponent, ThemeToggleComponent } from '@bandstand/shared/web-ui';
import { CONSOLE_NAME, NAV_ITEMS } from './sections';

/** The creator console: the Bandstand shell around the routed section. */
@Component({
  selector: 'creator-root',
  imports: [AppShellComponent, ThemeToggleComponent, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-app-shell [consoleName]="consoleName" brandIcon="graphic_eq" [navItems]="navItems">
      <bs-theme-toggle bsShellAccount />
      <router-outlet />
    </bs-app-shell>
  `,
})
export class AppComponent {
  protected readonly consoleName = CONSOLE_NAME;
  protected readonly navItems = NAV_ITEMS;
}
