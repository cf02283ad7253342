import { Migration } from '@mikro-orm/migrations';

/** identity.wallets: which account each linked wallet address belongs to (inline projection). */
export class Migration20261121000500_create_wallets extends Migration {
  override up(): void {
    this.addSql(`
      create table identity.wallets (
        address text primary key check (address ~ '^0x[0-9a-fA-F]{40}$'),
        user_id text not null,
        chain_id integer not null check (chain_id > 0),
        linked_at timestamptz not null
      )`);
    // The stream per lower-case address already keeps one account per address; this keeps the
    // read model honest if a bug ever wrote two spellings of one address.
    this.addSql('create unique index wallets_address_lower on identity.wallets (lower(address))');
    this.addSql('create index wallets_user_id on identity.wallets (user_id, linked_at)');
  }

  override down(): void {
    this.addSql('drop table identity.wallets');
  }
}
