import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AccountAreaComponent } from '@bandstand/identity/web';
import { ConsoleShellComponent } from '@bandstand/shared/web-platform';
import { CREATOR_CONSOLE } from './sections';

/** The creator console: the Bandstand shell around the routed section, with the account menu. */
@Component({
  selector: 'creator-root',
  imports: [ConsoleShellComponent, AccountAreaComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template:
    '<bs-console-shell [definition]="console"><bs-account-area bsConsoleAccount /></bs-console-shell>',
})
export class AppComponent {
  protected readonly console = CREATOR_CONSOLE;
}
