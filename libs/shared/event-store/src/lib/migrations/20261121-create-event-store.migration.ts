import { Migration } from '@mikro-orm/migrations';

/**
 * The event store: the global log; a stream's version is its highest stream_version, kept unique. Events are ordered for readers
 * by (transaction_id, global_position) and read only below the oldest running transaction, so an
 * event whose transaction commits late is never skipped (docs/adr/0009-event-store-on-postgresql.md).
 */
export class Migration20261121_create_event_store extends Migration {
  override up(): void {
    this.addSql(`
      create table kernel.events (
        global_position bigint primary key,
        transaction_id xid8 not null default pg_current_xact_id(),
        stream_id text not null,
        stream_version bigint not null check (stream_version > 0),
        event_id uuid not null,
        event_type text not null,
        schema_version integer not null check (schema_version > 0),
        data jsonb not null,
        metadata jsonb not null,
        correlation_id text not null,
        causation_id text,
        actor text not null,
        tenant_id text,
        recorded_at timestamptz not null,
        hash bytea not null,
        constraint events_stream_version_unique unique (stream_id, stream_version)
      )`);
    this.addSql(
      `create sequence kernel.events_global_position_seq as bigint owned by kernel.events.global_position`,
    );
    this.addSql(`create index events_commit_order_idx on kernel.events (transaction_id, global_position)`);
    // Raised inside the append statement when a concurrent append took only some of its versions:
    // the error aborts the statement, so none of its events is written.
    this.addSql(`
      create function kernel.append_conflict(stream text) returns boolean language plpgsql as $$
      begin
        raise exception 'stream % was appended to concurrently', stream using errcode = 'BK409';
      end $$`);
  }

  override down(): void {
    this.addSql('drop function kernel.append_conflict(text)');
    this.addSql('drop table kernel.events');
  }
}
