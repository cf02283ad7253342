import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ConsoleShellComponent } from '@bandstand/shared/web-platform';
import { FAN_CONSOLE } from './sections';

/** The fan console: the Bandstand shell around the routed section. */
@Component({
  selector: 'fan-root',
  imports: [ConsoleShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<bs-console-shell [definition]="console" />',
})
export class AppComponent {
  protected readonly console = FAN_CONSOLE;
}
