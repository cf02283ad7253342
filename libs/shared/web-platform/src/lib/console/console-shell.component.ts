import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AppShellComponent, ThemeToggleComponent } from '@bandstand/shared/web-ui';
import { type ConsoleDefinition } from './console-definition';
import { consoleNavItems } from './console-routes';

/** A console's root frame: the Bandstand shell with the console's brand and sections around the routed page. */
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
      <bs-theme-toggle bsShellAccount />
      <router-outlet />
    </bs-app-shell>
  `,
  // The shell lays itself out against the page, as if it stood right under the application root.
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ConsoleShellComponent {
  /** The console this shell frames. */
  readonly definition = input.required<ConsoleDefinition>();

  protected readonly navItems = computed(() => consoleNavItems(this.definition()));
}
