import { type ConsoleDefinition } from '@bandstand/shared/web-platform';

/** The staff console: its name, its brand icon and its sections, in navigation order. */
export const STAFF_CONSOLE: ConsoleDefinition = {
  name: 'Staff',
  brandIcon: 'admin_panel_settings',
  statusPath: 'operations',
  sections: [
    {
      path: 'diagnostics',
      label: 'Listening diagnostics',
      icon: 'query_stats',
      heading: 'Listening diagnostics',
      purpose:
        'Energy, musicality and positivity scores, the listening vibe, weekly listening minutes, top songs, and how closely the audio features of recommendations matched what was predicted, with drill-down by date, artist and track.',
      upcoming: {
        heading: 'Listening diagnostics will appear here',
        message:
          'Scores, listening minutes and recommendation diagnostics arrive with the analytics context.',
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
        heading: 'More operational views will appear here',
        message:
          'Users and roles arrive with the identity context, perk deliveries and disputes with the perks context, and refunds with commerce.',
      },
      view: () =>
        import('@bandstand/shared/web-operations').then((module) => module.KernelOperationsComponent),
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
  ],
};
