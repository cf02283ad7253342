import { type OrgRole, type StaffRole } from '@bandstand/shared/contracts';

/** Which console a flow started in: links in e-mails and OIDC redirects lead back to it. */
export const CONSOLES = ['fan', 'creator', 'staff'] as const;
/** One of the three consoles, also the first segment of its path (`/creator/...`). */
export type ConsoleName = (typeof CONSOLES)[number];

/** Base of the identity endpoints (under the api's `/api/v1`). */
export const AUTH_PATH = '/api/v1/auth';
/** Base of the signed-in user's own endpoints. */
export const ME_PATH = '/api/v1/me';
/** Base of organisations and their teams. */
export const ORGS_PATH = '/api/v1/orgs';
/** Base of invitation links. */
export const INVITATIONS_PATH = '/api/v1/invitations';
/** Base of the staff's user, role and approval endpoints. */
export const STAFF_PATH = '/api/v1/staff';
/** The development mail outbox (404 unless MAIL_TRANSPORT=outbox). */
export const DEV_MAIL_PATH = '/api/v1/dev/mail';
/** Name of the httpOnly cookie that carries the refresh token (path `/api/v1/auth`). */
export const REFRESH_COOKIE = 'bs_refresh';

/** Shortest and longest password accepted. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** The consoles people sign up in; staff sign up in one of these and are then granted a staff role. */
export const SIGN_UP_CONSOLES = ['fan', 'creator'] as const;

/** POST /auth/sign-up: always answered 202 so that nobody learns whether an address has an account. */
export interface SignUpRequest {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly console: (typeof SIGN_UP_CONSOLES)[number];
}

/** POST /auth/sign-in. */
export interface SignInRequest {
  readonly email: string;
  readonly password: string;
}

/** POST /auth/verify-email: the token of the link mailed at sign-up; signs the user in. */
export interface VerifyEmailRequest {
  readonly token: string;
}

/** POST /auth/password-reset: always answered 202. */
export interface PasswordResetRequest {
  readonly email: string;
  readonly console: ConsoleName;
}

/** POST /auth/password-reset/confirm: the mailed single-use token and the new password. */
export interface PasswordResetConfirmRequest {
  readonly token: string;
  readonly password: string;
}

/** Accepted-for-processing answer of sign-up and reset requests (202). */
export interface AcceptedResponse {
  readonly status: 'accepted';
  readonly message: string;
}

/** The signed-in user as the consoles need it at once. */
export interface SessionUser {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly staffRoles: readonly StaffRole[];
}

/**
 * Answer of every sign-in (password, verified e-mail, OIDC completion via refresh, SIWE) and of
 * POST /auth/refresh: a short-lived bearer access token; the rotating refresh token travels only
 * in the httpOnly {@link REFRESH_COOKIE}.
 */
export interface SignInResponse {
  readonly accessToken: string;
  /** ISO time the access token expires. */
  readonly expiresAt: string;
  readonly sessionId: string;
  readonly user: SessionUser;
}

/** How a session was started. */
export type SignInMethod = 'password' | 'email-link' | 'oidc' | 'siwe';

/** GET /me/sessions: one active session. */
export interface SessionSummary {
  readonly sessionId: string;
  readonly method: SignInMethod;
  readonly userAgent: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  /** The session of the request. */
  readonly current: boolean;
}

/** An OAuth/OIDC provider the api is configured for (GET /auth/providers). */
export interface AuthProvider {
  /** `spotify` or `oidc` (the generic provider). */
  readonly id: string;
  readonly label: string;
}

/** An external account linked to a user. */
export interface ExternalIdentity {
  readonly provider: string;
  readonly subject: string;
  readonly linkedAt: string;
}

/** A wallet linked by Sign-In with Ethereum. */
export interface LinkedWallet {
  /** EIP-55 checksummed address. */
  readonly address: string;
  readonly chainId: number;
  readonly linkedAt: string;
}

/** POST /auth/siwe/nonce: what the console needs to build an EIP-4361 message. */
export interface SiweChallengeRequest {
  readonly purpose: 'sign-in' | 'link';
}

/** A server-issued, single-use, expiring SIWE nonce and the values the message must carry. */
export interface SiweChallenge {
  readonly nonce: string;
  readonly domain: string;
  readonly uri: string;
  readonly statement: string;
  readonly version: '1';
  readonly chainIds: readonly number[];
  readonly issuedAt: string;
  readonly expirationTime: string;
}

/** POST /auth/siwe/sign-in and POST /me/wallets: the signed EIP-4361 message. */
export interface SiweSubmission {
  readonly message: string;
  /** 0x-prefixed 65-byte signature (personal_sign). */
  readonly signature: string;
}

/** A membership as the profile lists it. */
export interface MembershipSummary {
  readonly orgId: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly role: OrgRole;
}

/** GET /me. */
export interface Profile {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly emailVerified: boolean;
  readonly staffRoles: readonly StaffRole[];
  readonly wallets: readonly LinkedWallet[];
  readonly externalIdentities: readonly ExternalIdentity[];
  readonly organisations: readonly MembershipSummary[];
  readonly createdAt: string;
}

/** PATCH /me. */
export interface UpdateProfileRequest {
  readonly displayName: string;
}

/** POST /me/deletion: the user's password (or, without one, their e-mail address) confirms it. */
export interface DeleteAccountRequest {
  readonly confirmation: string;
}

/** An artist organisation: one artist, or a label with many. */
export type OrgKind = 'artist' | 'label';

/** POST /orgs. */
export interface CreateOrganisationRequest {
  readonly name: string;
  readonly kind: OrgKind;
}

/** GET /orgs/:orgId. */
export interface Organisation {
  readonly orgId: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly createdAt: string;
  /** The caller's role; null for staff looking in. */
  readonly myRole: OrgRole | null;
}

/** GET /orgs/:orgId/members. */
export interface TeamMember {
  readonly userId: string;
  readonly displayName: string;
  readonly email: string;
  readonly role: OrgRole;
  readonly joinedAt: string;
}

/** PATCH /orgs/:orgId/members/:userId. */
export interface ChangeMemberRoleRequest {
  readonly role: OrgRole;
}

/** POST /orgs/:orgId/invitations. */
export interface InviteMemberRequest {
  readonly email: string;
  readonly role: OrgRole;
}

/** Where an invitation stands. */
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/** GET /orgs/:orgId/invitations. */
export interface Invitation {
  readonly invitationId: string;
  readonly email: string;
  readonly role: OrgRole;
  readonly invitedBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: InvitationStatus;
}

/** GET /invitations/:token: what the invitee sees before accepting. */
export interface InvitationPreview {
  readonly orgName: string;
  readonly orgKind: OrgKind;
  readonly role: OrgRole;
  readonly invitedBy: string;
  readonly email: string;
  readonly expiresAt: string;
}

/** POST /invitations/accept. */
export interface AcceptInvitationRequest {
  readonly token: string;
}

/** GET /orgs/:orgId/activity: one change to the team, newest first. */
export interface TeamActivityEntry {
  readonly eventId: string;
  readonly at: string;
  readonly actor: { readonly userId: string | null; readonly displayName: string };
  readonly kind:
    | 'organisation-created'
    | 'member-invited'
    | 'invitation-revoked'
    | 'invitation-accepted'
    | 'member-role-changed'
    | 'member-removed'
    | 'organisation-renamed';
  /** One sentence for people: "Ana invited bo@example.com as editor". */
  readonly summary: string;
}

/** GET /staff/users: one user. */
export interface StaffUserSummary {
  readonly userId: string;
  readonly email: string | null;
  readonly displayName: string;
  readonly staffRoles: readonly StaffRole[];
  readonly createdAt: string;
  readonly deleted: boolean;
}

/** POST /staff/users/:userId/roles. */
export interface GrantStaffRoleRequest {
  readonly role: StaffRole;
}

/** Answer of a staff action: done at once, or waiting for a second approver. */
export type StaffActionResult =
  { readonly status: 'done' } | { readonly status: 'approval-required'; readonly approvalId: string };

/** Where a request for a second approval stands. */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** GET /staff/approvals: a staff action waiting for (or decided by) a second staff member. */
export interface StaffApproval {
  readonly approvalId: string;
  /** The action's kind, e.g. `staff.grant-role`. */
  readonly action: string;
  /** One sentence for people: "Grant admin to ana@example.com". */
  readonly summary: string;
  /** Money or credits the action moves, in minor units; null when none. */
  readonly amountMinor: number | null;
  readonly currency: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly status: ApprovalStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly reason: string | null;
}

/** POST /staff/approvals/:approvalId/reject. */
export interface RejectApprovalRequest {
  readonly reason: string;
}

/** GET /dev/mail: a message in the development outbox. */
export interface OutboxMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly sentAt: string;
}

/** POST /me/password: the current password confirms the change. */
export interface ChangePasswordRequest {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** A session as the export lists it: every session, ended ones too. */
export interface ExportedSession {
  readonly sessionId: string;
  readonly method: SignInMethod;
  readonly userAgent: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  /** sign-out, sign-out-everywhere, reuse, password-reset, account-deleted, staff or removed-session. */
  readonly revokedReason: string | null;
}

/** One event of the user's own streams, with its sealed personal fields opened. */
export interface ExportedEvent {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly data: unknown;
}

/** GET /me/export: everything the identity context holds about the user, as one JSON document. */
export interface AccountExport {
  readonly exportedAt: string;
  readonly profile: Profile;
  readonly sessions: readonly ExportedSession[];
  readonly memberships: readonly MembershipSummary[];
  readonly events: readonly ExportedEvent[];
}

/** POST /me/external-identities/:provider: start linking a provider account. */
export interface LinkExternalIdentityRequest {
  readonly console: ConsoleName;
}

/** Answer of POST /me/external-identities/:provider: the console navigates there. */
export interface ExternalRedirect {
  readonly redirectUrl: string;
}

/** GET /staff/users/:userId. */
export interface StaffUserDetail extends StaffUserSummary {
  readonly emailVerified: boolean;
  readonly organisations: readonly MembershipSummary[];
  readonly activeSessions: number;
}

/** Answer of POST /staff/users/:userId/sessions/revoke. */
export interface RevokedSessions {
  readonly revoked: number;
}

/** PATCH /orgs/:orgId. */
export interface RenameOrganisationRequest {
  readonly name: string;
}
