import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ConsoleShellComponent } from '@bandstand/shared/web-platform';
import { CREATOR_CONSOLE } from './sections';

/** The creator console: the Bandstand shell around the routed section. */
@Component({
  selector: 'creator-root',
  imports: [ConsoleShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<bs-console-shell [definition]="console" />',
})
export class AppComponent {
  protected readonly console = CREATOR_CONSOLE;
}
