import { type Type } from '@angular/core';

/** A section of a console: its place in the navigation and what it is for. */
export interface ConsoleSection {
  /** Route path under the console's base href; '' is the landing page. */
  readonly path: string;
  readonly label: string;
  /** Material Symbols ligature shown in the navigation and in the section's empty state. */
  readonly icon: string;
  readonly heading: string;
  /** What the section lets its users do (ARCHITECTURE.md, section 1). */
  readonly purpose: string;
  /** What will appear here, and with which part of the platform it arrives. */
  readonly upcoming: { readonly heading: string; readonly message: string };
  /**
   * The section's own view, once a part of the platform has built one: loaded with the section
   * (a lazy import keeps it out of the console's first bundle) and shown above `upcoming`, which
   * then says what is still to come.
   */
  readonly view?: () => Promise<Type<unknown>>;
}

/** One console as the platform frames it: its name, its brand icon and its sections. */
export interface ConsoleDefinition {
  /** The console's product name, shown in the toolbar and in page titles (e.g. "Fan"). */
  readonly name: string;
  /** Material Symbols ligature shown before the brand. */
  readonly brandIcon: string;
  /** The sections, in navigation order. */
  readonly sections: readonly ConsoleSection[];
  /** Path of the section whose page also shows the platform's live status; a console without a section at '' lands there. */
  readonly statusPath: string;
}
