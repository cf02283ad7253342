import { Migration } from '@mikro-orm/migrations';

/**
 * Read models of the staff area, kept inline by the staff-role and approval streams:
 * identity.staff_roles (read by the principal resolver on every request) and identity.approvals.
 */
export class Migration20261121000400_create_staff extends Migration {
  override up(): void {
    this.addSql(`
      create table identity.staff_roles (
        user_id text not null,
        role text not null check (role in ('admin', 'analyst', 'support', 'auditor')),
        granted_by text not null,
        approval_id text,
        granted_at timestamptz not null,
        primary key (user_id, role)
      )`);
    // "Is there an admin yet?" for the bootstrap grant.
    this.addSql('create index staff_roles_role_idx on identity.staff_roles (role)');
    this.addSql(`
      create table identity.approvals (
        approval_id text primary key,
        action text not null,
        payload jsonb not null,
        summary text not null,
        amount_minor bigint,
        currency text,
        requested_by text not null,
        requested_at timestamptz not null,
        status text not null check (status in ('pending', 'approved', 'rejected')),
        decided_by text,
        decided_at timestamptz,
        reason text
      )`);
    this.addSql('create index approvals_status_idx on identity.approvals (status, requested_at desc)');
  }

  override down(): void {
    this.addSql('drop table identity.approvals');
    this.addSql('drop table identity.staff_roles');
  }
}
