import { loadCatalogView } from '@bandstand/catalog/web';
import { loadTeamView } from '@bandstand/identity/web';
import { type ConsoleDefinition } from '@bandstand/shared/web-platform';

/** The creator console: its name, its brand icon and its sections, in navigation order. */
export const CREATOR_CONSOLE: ConsoleDefinition = {
  name: 'Creator',
  brandIcon: 'graphic_eq',
  statusPath: '',
  sections: [
    {
      path: '',
      label: 'Overview',
      icon: 'dashboard',
      heading: 'Overview',
      purpose:
        'Your earnings day by day, week by week and month by month, the payout schedule, streams and sales by territory and platform, growth trends and revenue forecasts.',
      upcoming: {
        heading: 'Your earnings and audience will appear here',
        message:
          'Earnings, payouts, streams and sales by territory and forecasts arrive with the royalties and analytics contexts. Until then this page shows the live state of the platform.',
      },
    },
    {
      path: 'catalog',
      label: 'Catalog',
      icon: 'album',
      heading: 'Catalog',
      purpose:
        'Releases and tracks with their ISRC, UPC and credits; batch metadata editing; a release calendar with embargo dates; draft and released versions; DDEX ERN import.',
      upcoming: {
        heading: 'Royalty matching will appear here',
        message:
          'Which usage and sales lines matched each release and track arrives with the royalties context.',
      },
      view: loadCatalogView,
    },
    {
      path: 'royalties',
      label: 'Royalties',
      icon: 'payments',
      heading: 'Rights & royalties',
      purpose:
        'Usage and sales report ingest (DDEX DSR and distributor CSVs), split sheets for master and publishing rights, recoupable costs, statements per payee (PDF and CSV) and payouts.',
      upcoming: {
        heading: 'Your statements and splits will appear here',
        message:
          'Report ingest, split sheets, costs, statements and payouts arrive with the royalties context.',
      },
    },
    {
      path: 'marketing',
      label: 'Marketing',
      icon: 'campaign',
      heading: 'Marketing',
      purpose:
        'Campaigns, pre-save and smart links, social templates, QR code assets, playlist-pitching status, mailing-list signups, and referral and affiliate tracking.',
      upcoming: {
        heading: 'Your campaigns will appear here',
        message:
          'Campaigns, links, QR assets, pitching status and signups arrive with the marketing context.',
      },
    },
    {
      path: 'analytics',
      label: 'Analytics',
      icon: 'analytics',
      heading: 'Analytics',
      purpose:
        'Demographics (age, gender, a location heat map), channel performance, benchmarks against your earlier releases and your peers, listener-to-buyer conversion and fan-network growth by country.',
      upcoming: {
        heading: 'Your audience analytics will appear here',
        message: 'Audience, channel and conversion analytics arrive with the analytics context.',
      },
    },
    {
      path: 'perks',
      label: 'Perks',
      icon: 'redeem',
      heading: 'Perks',
      purpose:
        'A creation wizard with templates, delivery automation (download links, Discord invites, shipping), fan messaging, perk analytics and on-chain verification of token-gated perks.',
      upcoming: {
        heading: 'Your perks will appear here',
        message: 'Perk definitions, templates, delivery and verification arrive with the perks context.',
      },
    },
    {
      path: 'live',
      label: 'Live',
      icon: 'live_tv',
      heading: 'Live',
      purpose: 'Events and Jam sessions, real-time translated chat, live giveaways and engagement metrics.',
      upcoming: {
        heading: 'Your live events will appear here',
        message: 'Events, Jam sessions, chat, giveaways and engagement arrive with the live context.',
      },
    },
    {
      path: 'team',
      label: 'Team',
      icon: 'group',
      heading: 'Team',
      purpose:
        'Members with their roles (owner, admin, editor, reader, accountant…), invitations, the activity log and messaging with your label and partners.',
      upcoming: {
        heading: 'Messaging will appear here',
        message: 'Conversations with your label and partners arrive with the messaging context.',
      },
      view: loadTeamView,
    },
  ],
};
