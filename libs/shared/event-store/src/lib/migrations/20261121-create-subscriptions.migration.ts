import { Migration } from '@mikro-orm/migrations';

/**
 * Subscriptions to the global log (asynchronous projections, processors, the sealer): where each
 * one is, who holds its lease, and the events it parked.
 */
export class Migration20261121_create_subscriptions extends Migration {
  override up(): void {
    this.addSql(`
      create table kernel.subscriptions (
        name text primary key,
        kind text not null check (kind in ('projection', 'processor', 'system')),
        definition_version integer not null,
        status text not null default 'running' check (status in ('running', 'rebuilding', 'stopped', 'failed')),
        position_transaction_id xid8 not null default '0',
        position_global bigint not null default 0,
        events_handled bigint not null default 0,
        last_event_recorded_at timestamptz,
        last_handled_at timestamptz,
        lease_owner text,
        lease_token bigint not null default 0,
        lease_expires_at timestamptz,
        rebuild_requested_at timestamptz,
        rebuild_total bigint,
        rebuild_done bigint,
        rebuild_started_at timestamptz,
        rebuild_finished_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    this.addSql(`
      create table kernel.parked_events (
        subscription text not null references kernel.subscriptions (name) on delete cascade,
        global_position bigint not null,
        transaction_id xid8 not null,
        event_id uuid not null,
        event_type text not null,
        stream_id text not null,
        attempts integer not null,
        error text not null,
        parked_at timestamptz not null default now(),
        retry_requested_at timestamptz,
        primary key (subscription, global_position)
      )`);
  }

  override down(): void {
    this.addSql('drop table kernel.parked_events');
    this.addSql('drop table kernel.subscriptions');
  }
}
