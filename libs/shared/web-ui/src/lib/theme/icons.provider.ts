import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';

/** The CSS class of the Material Symbols icon font (from the `material-symbols` npm package). */
export const ICON_FONT_CLASS = 'material-symbols-outlined';

/** Makes every `<mat-icon>` use the Material Symbols font bundled from npm (no network). */
export function provideBandstandIcons(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    inject(MatIconRegistry).setDefaultFontSetClass(ICON_FONT_CLASS);
  });
}
