import { type NavItem } from '@bandstand/shared/web-ui';

/** A section of the staff console: its place in the navigation and what it is for. */
export interface Section {
  /** Route path under the console's base href; '' is the landing page. */
  readonly path: string;
  readonly label: string;
  readonly icon: string;
  readonly heading: string;
  /** What the section lets its users do (ARCHITECTURE.md, section 1). */
  readonly purpose: string;
  /** What will appear here, and with which part of the platform it arrives. */
  readonly upcoming: { readonly heading: string; readonly message: string };
}

/** The console's product name, shown in the toolbar and in page titles. */
export const CONSOLE_NAME = 'Staff';

/** The sections, in navigation order. */
export const SECTIONS: readonly Section[] = [
  {
    path: 'diagnostics',
    label: 'Listening diagnostics',
    icon: 'query_stats',
    heading: 'Listening diagnostics',
    purpose:
      'Energy, musicality and positivity scores, the listening vibe, weekly listening minutes, top songs, and how closely the audio features of recommendations matched what was predicted, with drill-down by date, artist and track.',
    upcoming: {
      heading: 'Listening diagnostics will appear here',
      message: 'Scores, listening minutes and recommendation diagnostics arrive with the analytics context.',
    },
  },
  {
    path: 'operations',
    label: 'Operations',
    icon: 'monitor_heart',
    heading: 'Operations',
    purpose:
      'Users and roles, perk-delivery monitoring and audits, disputes and refunds, data imports, and the health of queues and projections.',
    upcoming: {
      heading: 'Operational views will appear here',
      message:
        'Users and roles arrive with the identity context, perk deliveries and disputes with the perks context, refunds with commerce, and queue and projection health with the event store. Until then this page shows the live state of the platform.',
    },
  },
  {
    path: 'audit',
    label: 'Audit',
    icon: 'fact_check',
    heading: 'Audit',
    purpose: 'Every change is an event: browse them, and verify that none was altered or removed.',
    upcoming: {
      heading: 'The event log will appear here',
      message: 'Browsing events and verifying the tamper-evident event store arrive with the event store.',
    },
  },
];

/** The section whose page also shows the platform's live status. */
export const STATUS_SECTION_PATH = 'operations';

/** The main navigation, derived from the sections. */
export const NAV_ITEMS: readonly NavItem[] = SECTIONS.map((section) => ({
  label: section.label,
  icon: section.icon,
  route: `/${section.path}`,
  exact: section.path === '',
}));
