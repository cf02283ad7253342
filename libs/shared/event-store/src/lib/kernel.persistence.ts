import { type ContextPersistence } from '@bandstand/shared/persistence';
import { Migration20261121_add_audit_indexes_to_events } from './audit/20261121-add-audit-indexes-to-events.migration';
import { Migration20261121_create_event_store } from './migrations/20261121-create-event-store.migration';
import { Migration20261121_create_idempotency_keys } from './migrations/20261121-create-idempotency-keys.migration';
import { Migration20261121_create_job_outbox } from './migrations/20261121-create-job-outbox.migration';
import { Migration20261121_create_seals } from './migrations/20261121-create-seals.migration';
import { Migration20261121_create_subscriptions } from './migrations/20261121-create-subscriptions.migration';

/** The schema of the kernel's own tables. */
export const KERNEL_SCHEMA = 'kernel';

/** The kernel's tables: event store (with its audit indexes), subscriptions, seals, idempotency keys, job outbox. Second after platform. */
export const kernelPersistence: ContextPersistence = {
  context: 'kernel',
  schema: KERNEL_SCHEMA,
  entities: [],
  migrations: [
    { name: 'Migration20261121_create_event_store', class: Migration20261121_create_event_store },
    { name: 'Migration20261121_create_subscriptions', class: Migration20261121_create_subscriptions },
    { name: 'Migration20261121_create_seals', class: Migration20261121_create_seals },
    { name: 'Migration20261121_create_idempotency_keys', class: Migration20261121_create_idempotency_keys },
    { name: 'Migration20261121_create_job_outbox', class: Migration20261121_create_job_outbox },
    {
      name: 'Migration20261121_add_audit_indexes_to_events',
      class: Migration20261121_add_audit_indexes_to_events,
    },
  ],
};
