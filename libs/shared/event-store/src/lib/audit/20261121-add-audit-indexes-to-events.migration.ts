import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log's indexes on kernel.events: each filter's column followed by global_position, so
 * that a filtered page newest-first below a cursor is one backward index range scan. The stream
 * index uses text_pattern_ops so that a stream prefix (LIKE 'prefix%') is a range of it whatever
 * the database's collation; equality uses it too. The time range has its own index.
 * `if not exists` lets the kernel's tests create them on a database migrated before this one.
 */
export const AUDIT_INDEX_STATEMENTS: readonly string[] = [
  `create index if not exists events_audit_stream_idx on kernel.events (stream_id text_pattern_ops, global_position)`,
  `create index if not exists events_audit_actor_idx on kernel.events (actor, global_position)`,
  `create index if not exists events_audit_tenant_idx on kernel.events (tenant_id, global_position)
     where tenant_id is not null`,
  `create index if not exists events_audit_type_idx on kernel.events (event_type, global_position)`,
  `create index if not exists events_audit_recorded_at_idx on kernel.events (recorded_at)`,
];

/** Indexes for the staff console's audit log: by stream (exact or prefix), actor, tenant, type and time. */
export class Migration20261121_add_audit_indexes_to_events extends Migration {
  override up(): void {
    for (const statement of AUDIT_INDEX_STATEMENTS) this.addSql(statement);
  }

  override down(): void {
    for (const index of ['stream', 'actor', 'tenant', 'type', 'recorded_at']) {
      this.addSql(`drop index if exists kernel.events_audit_${index}_idx`);
    }
  }
}
