import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AppShellComponent, ThemeToggleComponent } from '@bandstand/shared/web-ui';
import { type ConsoleDefinition } from './console-definition';
import { consoleNavItems } from './console-routes';

/**
 * A console's root frame: the Bandstand shell with the console's brand and sections around the
 * routed page. Content marked `bsConsoleAccount` (the account menu) goes into the toolbar, before
 * the theme toggle.
 */
@Component({
  selector: 'bs-console-shell',
  imports: [AppShellComponent, ThemeToggleComponent, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bs-app-shell
      [consoleName]="definition().name"
      [brandIcon]="definition().brandIcon"
      [navItems]="navItems()"
    >
      <span bsShellAccount class="bs-console-account">
        <ng-content select="[bsConsoleAccount]" />
        <bs-theme-toggle />
      </span>
      <router-outlet />
    </bs-app-shell>
  `,
  // The shell lays itself out against the page, as if it stood right under the application root.
  styles: `
    :host {
      display: contents;
    }
    .bs-console-account {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
  `,
})
export class ConsoleShellComponent {
  /** The console this shell frames. */
  readonly definition = input.required<ConsoleDefinition>();

  protected readonly navItems = computed(() => consoleNavItems(this.definition()));
}
