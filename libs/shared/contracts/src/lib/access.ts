/**
 * The platform's access model: who may do what to whose data. Every context's endpoints declare
 * their policy in these terms (libs/shared/access), and the consoles show the same matrix.
 */

/** Roles of a member of an artist organisation (an artist, or a label with many artists). */
export const ORG_ROLES = ['owner', 'admin', 'editor', 'reader', 'accountant'] as const;
/** A member's role in an organisation. */
export type OrgRole = (typeof ORG_ROLES)[number];

/** What a member of an organisation may do there. */
export const ORG_PERMISSIONS = [
  'org.read',
  'org.manage',
  'team.read',
  'team.manage',
  'team.owners',
  'team.activity',
  'catalog.read',
  'catalog.write',
  'catalog.publish',
  'royalties.read',
  'royalties.approve',
  'payouts.manage',
  'marketing.read',
  'marketing.write',
  'perks.read',
  'perks.write',
  'live.read',
  'live.write',
  'analytics.read',
] as const;
/** One permission inside an organisation. */
export type OrgPermission = (typeof ORG_PERMISSIONS)[number];

/** What each permission lets a member do, as the consoles explain it. */
export const ORG_PERMISSION_LABELS: Readonly<Record<OrgPermission, string>> = {
  'org.read': 'See the organisation and its artists',
  'org.manage': 'Rename the organisation and manage its artists',
  'team.read': 'See the team and its roles',
  'team.manage': 'Invite members, change roles, remove members',
  'team.owners': 'Make or remove owners',
  'team.activity': "Read the team's activity log",
  'catalog.read': 'See releases and tracks',
  'catalog.write': 'Edit draft releases and tracks, import and batch-edit metadata',
  'catalog.publish': 'Publish versions, schedule, release and take down releases',
  'royalties.read': 'See earnings, splits and statements',
  'royalties.approve': 'Approve statements and lock periods',
  'payouts.manage': 'Schedule and record payouts',
  'marketing.read': 'See campaigns and links',
  'marketing.write': 'Run campaigns and links',
  'perks.read': 'See perks and deliveries',
  'perks.write': 'Create perks and deliver them',
  'live.read': 'See live events',
  'live.write': 'Run live events and giveaways',
  'analytics.read': 'See audience analytics',
};

const READ_ALL: readonly OrgPermission[] = [
  'org.read',
  'team.read',
  'catalog.read',
  'royalties.read',
  'marketing.read',
  'perks.read',
  'live.read',
  'analytics.read',
];

/** The permission matrix: which role holds which permission. Owners hold all of them. */
export const ORG_ROLE_PERMISSIONS: Readonly<Record<OrgRole, readonly OrgPermission[]>> = {
  owner: ORG_PERMISSIONS,
  admin: ORG_PERMISSIONS.filter((permission) => permission !== 'team.owners'),
  editor: [
    'org.read',
    'team.read',
    'catalog.read',
    'catalog.write',
    'marketing.read',
    'marketing.write',
    'perks.read',
    'perks.write',
    'live.read',
    'live.write',
    'analytics.read',
  ],
  reader: READ_ALL,
  accountant: [
    'org.read',
    'team.read',
    'catalog.read',
    'royalties.read',
    'royalties.approve',
    'payouts.manage',
    'analytics.read',
  ],
};

/** Whether `role` holds `permission` in an organisation. */
export function orgRoleAllows(role: OrgRole, permission: OrgPermission): boolean {
  return ORG_ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles of the platform's own staff. */
export const STAFF_ROLES = ['admin', 'analyst', 'support', 'auditor'] as const;
/** A staff member's role; one person may hold several. */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a staff member may do. */
export const STAFF_PERMISSIONS = [
  'staff.console',
  'staff.users.read',
  'staff.users.manage',
  'staff.roles.manage',
  'staff.approvals.request',
  'staff.approvals.decide',
  'staff.audit.read',
  'staff.audit.verify',
  'staff.operations.read',
  'staff.operations.act',
  'staff.diagnostics.read',
] as const;
/** One staff permission. */
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

/** What each staff permission lets its holder do. */
export const STAFF_PERMISSION_LABELS: Readonly<Record<StaffPermission, string>> = {
  'staff.console': 'Sign in to the staff console',
  'staff.users.read': 'Look up users, their sessions and organisations',
  'staff.users.manage': "Revoke a user's sessions",
  'staff.roles.manage': 'Grant and revoke staff roles',
  'staff.approvals.request': 'Ask for an action that needs a second approver',
  'staff.approvals.decide': "Approve or reject another staff member's request",
  'staff.audit.read': 'Browse the event log',
  'staff.audit.verify': "Run the event store's integrity verification",
  'staff.operations.read': 'See projections, processors and queues',
  'staff.operations.act': 'Rebuild, resume and retry subscribers',
  'staff.diagnostics.read': 'See listening diagnostics',
};

/** Which staff role holds which permission. */
export const STAFF_ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly StaffPermission[]>> = {
  admin: STAFF_PERMISSIONS,
  analyst: ['staff.console', 'staff.operations.read', 'staff.diagnostics.read'],
  support: [
    'staff.console',
    'staff.users.read',
    'staff.users.manage',
    'staff.approvals.request',
    'staff.operations.read',
  ],
  auditor: [
    'staff.console',
    'staff.users.read',
    'staff.audit.read',
    'staff.audit.verify',
    'staff.operations.read',
  ],
};

/** Whether any of `roles` holds `permission`. */
export function staffRolesAllow(roles: readonly StaffRole[], permission: StaffPermission): boolean {
  return roles.some((role) => STAFF_ROLE_PERMISSIONS[role].includes(permission));
}

/** Error codes of access control, shared by every endpoint. */
export const ACCESS_ERROR_CODES = {
  /** No credentials, or credentials that are not (or no longer) valid: 401. */
  unauthenticated: 'ACCESS.UNAUTHENTICATED',
  /** The access token's signature, algorithm or claims are wrong: 401. */
  tokenInvalid: 'ACCESS.TOKEN_INVALID',
  /** The access token has expired; refresh it: 401. */
  tokenExpired: 'ACCESS.TOKEN_EXPIRED',
  /** The session behind the token was revoked or has ended: 401. */
  sessionEnded: 'ACCESS.SESSION_ENDED',
  /** Signed in, but the caller's role does not allow this: 403. */
  forbidden: 'ACCESS.FORBIDDEN',
  /** The organisation named in the request is not one the caller belongs to: 403. */
  notAMember: 'ACCESS.NOT_A_MEMBER',
  /** The route declares no policy; deny by default: 403. */
  noPolicy: 'ACCESS.NO_POLICY',
  /** Too many attempts; wait for Retry-After seconds: 429. */
  rateLimited: 'ACCESS.RATE_LIMITED',
} as const;
