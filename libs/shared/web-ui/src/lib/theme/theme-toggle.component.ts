import { ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';

/** The colour scheme a user can pick: follow the system, or force light or dark. */
export type ColorSchemeChoice = 'system' | 'light' | 'dark';

const NEXT: Record<ColorSchemeChoice, ColorSchemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const ICON: Record<ColorSchemeChoice, string> = {
  system: 'brightness_auto',
  light: 'light_mode',
  dark: 'dark_mode',
};
const LABEL: Record<ColorSchemeChoice, string> = {
  system: 'Colour scheme: follows the system',
  light: 'Colour scheme: light',
  dark: 'Colour scheme: dark',
};
const STORAGE_KEY = 'bandstand.color-scheme';

/** Cycles the page between the system colour scheme, light and dark; remembered per browser. */
@Component({
  selector: 'bs-theme-toggle',
  imports: [MatIconButton, MatIcon, MatTooltip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      (click)="cycle()"
      [attr.aria-label]="label()"
      [matTooltip]="label()"
    >
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
    </button>
  `,
})
export class ThemeToggleComponent {
  private readonly document = inject(DOCUMENT);
  protected readonly choice = signal<ColorSchemeChoice>(this.readStored());
  protected readonly icon = computed(() => ICON[this.choice()]);
  protected readonly label = computed(() => LABEL[this.choice()]);

  constructor() {
    this.apply(this.choice());
  }

  protected cycle(): void {
    const next = NEXT[this.choice()];
    this.choice.set(next);
    this.apply(next);
    this.document.defaultView?.localStorage.setItem(STORAGE_KEY, next);
  }

  private readStored(): ColorSchemeChoice {
    const stored = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  }

  private apply(choice: ColorSchemeChoice): void {
    const root = this.document.documentElement.classList;
    root.toggle('bs-theme-light', choice === 'light');
    root.toggle('bs-theme-dark', choice === 'dark');
  }
}
