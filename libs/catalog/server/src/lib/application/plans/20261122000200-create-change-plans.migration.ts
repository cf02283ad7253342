import { Migration } from '@mikro-orm/migrations';

/**
 * Change plans: previews of batch edits and imports (CSV, DDEX ERN) kept until applied, discarded or
 * expired (an hour after the preview). They are transient working data, not domain state: what
 * applying one does is recorded as events on the releases' streams (with `source` and `planId`), so
 * these tables are written directly and not rebuilt from events.
 */
export class Migration20261122000200_create_change_plans extends Migration {
  override up(): void {
    // `status` stays 'open' after expires_at: readers report such a plan as expired by the clock, so
    // that expiry needs no job.
    this.addSql(`
      create table catalog.change_plans (
        plan_id text primary key,
        org_id text not null,
        kind text not null check (kind in ('batch', 'csv', 'ern')),
        status text not null check (status in ('open', 'applied', 'discarded')),
        created_by text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        applied_at timestamptz,
        summary jsonb not null,
        errors jsonb not null,
        new_artists jsonb not null
      )`);
    // Serves the lookup by organisation and the removal of an organisation's long-expired plans.
    this.addSql('create index change_plans_org_expires_idx on catalog.change_plans (org_id, expires_at)');
    this.addSql(`
      create table catalog.change_plan_items (
        plan_id text not null references catalog.change_plans (plan_id) on delete cascade,
        item_index integer not null,
        action text not null check (action in ('create', 'update', 'unchanged')),
        release_id text not null,
        expected_revision integer,
        title text not null,
        upc text,
        draft jsonb not null,
        source text,
        changes jsonb not null,
        primary key (plan_id, item_index)
      )`);
  }
}
