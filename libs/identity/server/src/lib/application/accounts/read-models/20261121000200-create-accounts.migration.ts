import { Migration } from '@mikro-orm/migrations';

/**
 * Read models of accounts and sessions, kept inline by the user and session streams:
 * identity.users, identity.sessions (read by the principal resolver on every request) and
 * identity.account_tokens (hashes of mailed sign-up and reset links).
 */
export class Migration20261121000200_create_accounts extends Migration {
  override up(): void {
    // email_digest is unique while the account lives; deletion sets it null so the address can
    // sign up again.
    this.addSql(`
      create table identity.users (
        user_id text primary key,
        email text,
        email_digest text unique,
        display_name text not null,
        password_hash text,
        email_verified boolean not null default false,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        deleted_at timestamptz
      )`);
    this.addSql(`
      create table identity.sessions (
        session_id text primary key,
        user_id text not null,
        method text not null check (method in ('password', 'email-link', 'oidc', 'siwe')),
        user_agent text,
        refresh_token_hash text not null,
        previous_hashes text[] not null default '{}',
        created_at timestamptz not null,
        last_used_at timestamptz not null,
        expires_at timestamptz not null,
        revoked_at timestamptz,
        revoked_reason text check (revoked_reason in ('sign-out', 'sign-out-everywhere', 'reuse',
          'password-reset', 'account-deleted', 'staff', 'removed-session'))
      )`);
    // A user's sessions: the list on the profile, and revoking all of them.
    this.addSql('create index sessions_user_idx on identity.sessions (user_id, created_at)');
    this.addSql(`
      create table identity.account_tokens (
        token_hash text primary key,
        user_id text not null,
        kind text not null check (kind in ('verification', 'reset')),
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz
      )`);
    this.addSql('create index account_tokens_user_idx on identity.account_tokens (user_id, kind)');
  }

  override down(): void {
    this.addSql('drop table identity.account_tokens');
    this.addSql('drop table identity.sessions');
    this.addSql('drop table identity.users');
  }
}
