import { Migration } from '@mikro-orm/migrations';

/**
 * kernel.seals (owned by lib/integrity): the sealer appends one row per batch of the global log in
 * commit order, each with an HMAC chained to the previous seal's (docs/adr/0011-tamper-evidence.md).
 * Seals are append-only: the triggers do not stop the table's owner (who can disable them), but
 * make an accidental change fail loudly; the verifier catches a deliberate one.
 */
export class Migration20261121_create_seals extends Migration {
  override up(): void {
    this.addSql(`
      create table kernel.seals (
        seal_number bigint primary key check (seal_number > 0),
        event_count integer not null check (event_count > 0),
        positions bigint[] not null,
        last_transaction_id xid8 not null,
        last_global_position bigint not null,
        chain bytea not null,
        sealed_at timestamptz not null default now(),
        constraint seals_positions_count check (cardinality(positions) = event_count)
      )`);
    this.addSql(`
      create function kernel.seals_are_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'kernel.seals is append-only: % refused', tg_op using errcode = 'P0001';
      end
      $$`);
    this.addSql(`
      create trigger seals_append_only before update or delete on kernel.seals
      for each row execute function kernel.seals_are_append_only()`);
    this.addSql(`
      create trigger seals_no_truncate before truncate on kernel.seals
      for each statement execute function kernel.seals_are_append_only()`);
  }

  override down(): void {
    this.addSql('drop table kernel.seals');
    this.addSql('drop function kernel.seals_are_append_only()');
  }
}
