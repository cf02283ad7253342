import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ConsoleShellComponent } from '@bandstand/shared/web-platform';
import { STAFF_CONSOLE } from './sections';

/** The staff console: the Bandstand shell around the routed section. */
@Component({
  selector: 'staff-root',
  imports: [ConsoleShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<bs-console-shell [definition]="console" />',
})
export class AppComponent {
  protected readonly console = STAFF_CONSOLE;
}
