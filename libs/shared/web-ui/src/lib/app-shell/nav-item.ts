/** One entry of a console's main navigation. */
export interface NavItem {
  /** Visible text, also the accessible name. */
  readonly label: string;
  /** Material Symbols ligature, e.g. `home`. */
  readonly icon: string;
  /** Router path, absolute within the app (e.g. `/collection`). */
  readonly route: string;
  /** Match the route exactly when marking the item active (use for the home page at `/`). */
  readonly exact?: boolean;
}
