import { Migration } from '@mikro-orm/migrations';

/** kernel.seals (owned by lib/integrity). */
export class Migration20261121_create_seals extends Migration {
  override up(): void {
    this.addSql('select 1');
  }

  override down(): void {
    this.addSql('select 1');
  }
}
