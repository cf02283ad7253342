import { Migration } from '@mikro-orm/migrations';

/** kernel.idempotency_keys (owned by lib/idempotency). */
export class Migration20261121_create_idempotency_keys extends Migration {
  override up(): void {
    this.addSql('select 1');
  }

  override down(): void {
    this.addSql('select 1');
  }
}
