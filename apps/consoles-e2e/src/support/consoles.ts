/** A section as the user sees it: its nav label, its page heading and its path. */
export interface ExpectedSection {
  readonly label: string;
  readonly heading: string;
  readonly path: string;
}

/** What each console must show: the black-box view of ARCHITECTURE.md, section 1. */
export interface ExpectedConsole {
  readonly name: 'fan' | 'creator' | 'staff';
  readonly title: string;
  readonly sections: readonly ExpectedSection[];
  /** The section (path) that shows the platform's live status; where `/<name>/` lands. */
  readonly statusPath: string;
  /** Who may open it: anyone (fan), a signed-in user (creator) or staff. */
  readonly access: 'public' | 'signed-in' | 'staff';
}

export const CONSOLES: readonly ExpectedConsole[] = [
  {
    name: 'fan',
    title: 'Fan',
    access: 'public',
    statusPath: '',
    sections: [
      { label: 'Home', heading: 'Home', path: '' },
      { label: 'Discover', heading: 'Discover', path: 'discover' },
      { label: 'Collection', heading: 'Collection', path: 'collection' },
      { label: 'Wallet & rewards', heading: 'Wallet & rewards', path: 'wallet' },
      { label: 'Perks', heading: 'Perks', path: 'perks' },
      { label: 'Insights', heading: 'Insights', path: 'insights' },
      { label: 'Live', heading: 'Live', path: 'live' },
    ],
  },
  {
    name: 'creator',
    title: 'Creator',
    access: 'signed-in',
    statusPath: '',
    sections: [
      { label: 'Overview', heading: 'Overview', path: '' },
      { label: 'Catalog', heading: 'Catalog', path: 'catalog' },
      { label: 'Royalties', heading: 'Rights & royalties', path: 'royalties' },
      { label: 'Marketing', heading: 'Marketing', path: 'marketing' },
      { label: 'Analytics', heading: 'Analytics', path: 'analytics' },
      { label: 'Perks', heading: 'Perks', path: 'perks' },
      { label: 'Live', heading: 'Live', path: 'live' },
      { label: 'Team', heading: 'Team', path: 'team' },
    ],
  },
  {
    name: 'staff',
    title: 'Staff',
    access: 'staff',
    statusPath: 'operations',
    sections: [
      { label: 'Listening diagnostics', heading: 'Listening diagnostics', path: 'diagnostics' },
      { label: 'Operations', heading: 'Operations', path: 'operations' },
      { label: 'Users', heading: 'Users', path: 'users' },
      { label: 'Approvals', heading: 'Approvals', path: 'approvals' },
      { label: 'Audit', heading: 'Audit', path: 'audit' },
    ],
  },
];
