import { type DynamicModule, Module } from '@nestjs/common';
import { type EventSchema, EventSchemaRegistry } from '../store/upcasters';

/**
 * Registers a context's event schemas (newest version and upcasters of each event type) with the
 * kernel's {@link EventSchemaRegistry} when the process starts, before any event is read or
 * appended. A context's server module imports `EventSchemasModule.forFeature('catalog', catalogEventSchemas)`.
 */
@Module({})
export class EventSchemasModule {
  static forFeature(context: string, schemas: readonly EventSchema[]): DynamicModule {
    const token = `KERNEL_EVENT_SCHEMAS:${context}`;
    return {
      module: EventSchemasModule,
      providers: [
        {
          provide: token,
          useFactory: (registry: EventSchemaRegistry): readonly EventSchema[] => {
            registry.register(...schemas);
            return schemas;
          },
          inject: [EventSchemaRegistry],
        },
      ],
      exports: [token],
    };
  }
}
