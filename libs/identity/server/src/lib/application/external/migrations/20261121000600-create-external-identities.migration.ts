import { Migration } from '@mikro-orm/migrations';

/** identity.external_identities: which account each linked provider account signs in (inline projection). */
export class Migration20261121000600_create_external_identities extends Migration {
  override up(): void {
    this.addSql(`
      create table identity.external_identities (
        provider text not null check (provider ~ '^[a-z][a-z0-9-]{0,31}$'),
        subject text not null check (subject <> ''),
        user_id text not null,
        linked_at timestamptz not null,
        primary key (provider, subject)
      )`);
    this.addSql(
      'create index external_identities_user_id on identity.external_identities (user_id, linked_at)',
    );
  }

  override down(): void {
    this.addSql('drop table identity.external_identities');
  }
}
