import { Migration } from '@mikro-orm/migrations';

/** kernel.job_outbox (owned by lib/jobs). */
export class Migration20261121_create_job_outbox extends Migration {
  override up(): void {
    this.addSql('select 1');
  }

  override down(): void {
    this.addSql('select 1');
  }
}
