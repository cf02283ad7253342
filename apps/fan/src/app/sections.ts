import { loadDiscoverView } from '@bandstand/catalog/web';
import { type ConsoleDefinition } from '@bandstand/shared/web-platform';

/** The fan console: its name, its brand icon and its sections, in navigation order. */
export const FAN_CONSOLE: ConsoleDefinition = {
  name: 'Fan',
  brandIcon: 'headphones',
  statusPath: '',
  sections: [
    {
      path: '',
      label: 'Home',
      icon: 'home',
      heading: 'Home',
      purpose:
        'Your Bandstand at a glance: what is new from the artists you back, your rewards and your latest orders.',
      upcoming: {
        heading: 'Your activity will appear here',
        message:
          'New releases from the artists you follow, credits you earned and the status of your orders will show here once following, commerce and rewards are in place; new releases are under Discover already. Until then this page shows the live state of the platform.',
      },
    },
    {
      path: 'discover',
      label: 'Discover',
      icon: 'explore',
      heading: 'Discover',
      purpose: 'New releases out where you are, and search over releases, tracks and artists in any script.',
      upcoming: {
        heading: 'Perks and purchases will appear here',
        message:
          'Buying a release and the perks that come with it arrive with the commerce and perks contexts.',
      },
      view: loadDiscoverView,
    },
    {
      path: 'collection',
      label: 'Collection',
      icon: 'library_music',
      heading: 'Collection',
      purpose:
        'Everything you bought: vinyl, CDs, merch, music films, games and digital releases, with shipping status and tracking for physical goods and re-downloads for digital ones.',
      upcoming: {
        heading: 'Your purchases will appear here',
        message:
          'Each purchase, with its shipment tracking or its download links, arrives with the commerce context (orders, shipments, refunds and the fan collection).',
      },
    },
    {
      path: 'wallet',
      label: 'Wallet & rewards',
      icon: 'account_balance_wallet',
      heading: 'Wallet & rewards',
      purpose:
        'Credits you earn through community activity and spend on purchases, credits held for raffles and refunded to you, with a readable history line by line; raffle tickets for concerts, contests, rankings and referral rewards.',
      upcoming: {
        heading: 'Your credits and tickets will appear here',
        message:
          'Your balance, its history and your raffle tickets arrive with the rewards context (the credits ledger, earning rules, raffles, contests and referrals).',
      },
    },
    {
      path: 'perks',
      label: 'Perks',
      icon: 'redeem',
      heading: 'Perks',
      purpose:
        'The perks that come with each release: what you unlocked, what is pending or delivered and how to use each one; rate a delivery, open a dispute or get a refund when a perk is not delivered.',
      upcoming: {
        heading: 'Your perks will appear here',
        message:
          'Unlocked, pending and delivered perks, with ratings and disputes, arrive with the perks context.',
      },
    },
    {
      path: 'insights',
      label: 'Insights',
      icon: 'insights',
      heading: 'Insights',
      purpose: 'The investor view: how your support helped the artists you back.',
      upcoming: {
        heading: 'Your impact will appear here',
        message:
          'Figures on what your purchases and support meant for each artist arrive with the analytics context.',
      },
    },
    {
      path: 'live',
      label: 'Live',
      icon: 'live_tv',
      heading: 'Live',
      purpose: 'Join live events and Jam sessions, chat in your own language and enter giveaways.',
      upcoming: {
        heading: 'Live events will appear here',
        message:
          'Upcoming and running events, Jam sessions, translated chat and giveaways arrive with the live context.',
      },
    },
  ],
};
