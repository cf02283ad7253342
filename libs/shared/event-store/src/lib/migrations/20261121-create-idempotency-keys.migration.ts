import { Migration } from '@mikro-orm/migrations';

/**
 * kernel.idempotency_keys (owned by lib/idempotency): one row per idempotency key of a caller on a
 * route, written in the same transaction as the command it guards. A committed row always holds
 * its response: the claim is never committed on its own, so a concurrent duplicate waits on the
 * primary key until the first request commits (replay) or rolls back (it runs itself).
 */
export class Migration20261121_create_idempotency_keys extends Migration {
  override up(): void {
    this.addSql(`
      create table kernel.idempotency_keys (
        caller text not null,
        method text not null,
        route text not null,
        idempotency_key text not null check (char_length(idempotency_key) between 1 and 255),
        fingerprint bytea not null check (octet_length(fingerprint) = 32),
        response_status smallint check (response_status between 100 and 599),
        response_headers jsonb,
        response_body text,
        created_at timestamptz not null,
        completed_at timestamptz,
        expires_at timestamptz not null,
        constraint idempotency_keys_pkey primary key (caller, method, route, idempotency_key)
      )`);
    this.addSql('create index idempotency_keys_expires_at_idx on kernel.idempotency_keys (expires_at)');
  }

  override down(): void {
    this.addSql('drop table kernel.idempotency_keys');
  }
}
