import { Migration } from '@mikro-orm/migrations';

/**
 * Read models of organisations and their teams, kept inline by the organisation stream's events:
 * identity.organisations, identity.memberships (the access guard's lookup), identity.invitations and
 * identity.team_activity.
 */
export class Migration20261121000300_create_teams extends Migration {
  override up(): void {
    this.addSql(`
      create table identity.organisations (
        org_id text primary key,
        name text not null,
        kind text not null check (kind in ('artist', 'label')),
        created_by text not null,
        created_at timestamptz not null
      )`);
    // The primary key serves roleIn(orgId, userId), the guard's lookup on every request.
    this.addSql(`
      create table identity.memberships (
        org_id text not null references identity.organisations (org_id),
        user_id text not null,
        role text not null check (role in ('owner', 'admin', 'editor', 'reader', 'accountant')),
        joined_at timestamptz not null,
        primary key (org_id, user_id)
      )`);
    this.addSql('create index memberships_user_idx on identity.memberships (user_id)');
    this.addSql(`
      create table identity.invitations (
        invitation_id text primary key,
        org_id text not null references identity.organisations (org_id),
        email text,
        email_digest text not null,
        role text not null check (role in ('owner', 'admin', 'editor', 'reader', 'accountant')),
        token_hash text not null unique,
        status text not null check (status in ('pending', 'accepted', 'revoked')),
        invited_by text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        decided_at timestamptz,
        accepted_by text
      )`);
    this.addSql('create index invitations_org_idx on identity.invitations (org_id, created_at desc)');
    // stream_version orders one organisation's activity exactly as its stream does: the cursor.
    this.addSql(`
      create table identity.team_activity (
        event_id uuid primary key,
        org_id text not null,
        stream_version integer not null,
        at timestamptz not null,
        actor_id text,
        actor_name text not null,
        kind text not null,
        summary text not null,
        unique (org_id, stream_version)
      )`);
  }

  override down(): void {
    this.addSql('drop table identity.team_activity');
    this.addSql('drop table identity.invitations');
    this.addSql('drop table identity.memberships');
    this.addSql('drop table identity.organisations');
  }
}
