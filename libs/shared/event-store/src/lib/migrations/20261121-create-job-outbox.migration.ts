import { Migration } from '@mikro-orm/migrations';

/**
 * kernel.job_outbox (owned by lib/jobs): every job, written in the transaction that caused it and
 * kept after it finished. A dispatcher hands pending rows to BullMQ; workers record each run here,
 * so a job's cause runs once even when Redis loses the job or has forgotten it finished.
 */
export class Migration20261121_create_job_outbox extends Migration {
  override up(): void {
    this.addSql(`
      create table kernel.job_outbox (
        id bigint generated always as identity primary key,
        queue text not null,
        job_id text not null,
        job_name text not null,
        data jsonb not null,
        options jsonb not null,
        cause jsonb,
        run_at timestamptz,
        status text not null default 'pending'
          check (status in ('pending', 'dispatched', 'completed', 'failed')),
        attempts integer not null default 0 check (attempts >= 0),
        last_error text,
        last_error_at timestamptz,
        result jsonb,
        run_token uuid,
        run_expires_at timestamptz,
        created_at timestamptz not null default now(),
        dispatched_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz not null default now(),
        constraint job_outbox_job_unique unique (queue, job_id)
      )`);
    // Dispatcher (pending), reconciler (dispatched) and depth counts read only unfinished rows.
    this.addSql(`
      create index job_outbox_unfinished_idx on kernel.job_outbox (status, id) include (queue, created_at)
        where status <> 'completed'`);
  }

  override down(): void {
    this.addSql('drop table kernel.job_outbox');
  }
}
