import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AccountAreaComponent } from '@bandstand/identity/web';
import { ConsoleShellComponent } from '@bandstand/shared/web-platform';
import { FAN_CONSOLE } from './sections';

/** The fan console: the Bandstand shell around the routed section, with the account menu. */
@Component({
  selector: 'fan-root',
  imports: [ConsoleShellComponent, AccountAreaComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template:
    '<bs-console-shell [definition]="console"><bs-account-area bsConsoleAccount /></bs-console-shell>',
})
export class AppComponent {
  protected readonly console = FAN_CONSOLE;
}
