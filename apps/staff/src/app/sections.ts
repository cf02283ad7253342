import { loadApprovalsView, loadStaffUsersView } from '@bandstand/identity/web';
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
        'Perk-delivery monitoring and audits, disputes and refunds, data imports, and the health of queues and projections.',
      upcoming: {
        heading: 'More operational views will appear here',
        message: 'Perk deliveries and disputes arrive with the perks context, and refunds with commerce.',
      },
      view: () =>
        import('@bandstand/shared/web-operations').then((module) => module.KernelOperationsComponent),
    },
    {
      path: 'users',
      label: 'Users',
      icon: 'manage_accounts',
      heading: 'Users',
      purpose:
        'Look up any account by e-mail or name, grant and revoke staff roles, and sign a user out of every session.',
      upcoming: {
        heading: 'More about each user will appear here',
        message: 'Orders, credits and perks of a user arrive with the commerce, rewards and perks contexts.',
      },
      view: loadStaffUsersView,
    },
    {
      path: 'approvals',
      label: 'Approvals',
      icon: 'approval',
      heading: 'Approvals',
      purpose:
        'Actions that need a second staff member — granting the admin role, moving money or credits above the threshold — wait here to be approved or rejected.',
      upcoming: {
        heading: 'Money and credit approvals will appear here',
        message:
          'Refunds, payouts and credit grants above the threshold arrive with commerce, royalties and rewards.',
      },
      view: loadApprovalsView,
    },
    {
      path: 'audit',
      label: 'Audit',
      icon: 'fact_check',
      heading: 'Audit',
      purpose: 'Every change is an event: browse them, and verify that none was altered or removed.',
      upcoming: {
        heading: 'More audit views will appear here',
        message:
          'Audits of perk deliveries arrive with the perks context, and of refunds and payouts with commerce and royalties.',
      },
      view: () => import('@bandstand/shared/web-operations').then((module) => module.KernelAuditComponent),
    },
  ],
};
