import { UnknownEventSchema } from './event-store.errors';

/** Turns the data of one schema version of an event type into the next version's. */
export type Upcaster = (data: unknown) => unknown;

/** The newest schema version of an event type and how to reach it from each older one. */
export interface EventSchema {
  readonly type: string;
  readonly version: number;
  /** `upcasters[v]` turns version v into v + 1, for every v below `version`. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/**
 * Every event type's schema version, registered by the contexts. Events are appended at the newest
 * version and upcast step by step when read, so deciders and projections only see the newest shape.
 */
export class EventSchemaRegistry {
  private readonly schemas = new Map<string, EventSchema>();

  register(...schemas: readonly EventSchema[]): this {
    for (const schema of schemas) {
      for (let version = 1; version < schema.version; version++) {
        if (schema.upcasters?.[version] === undefined) {
          throw new TypeError(`Event ${schema.type} v${schema.version} has no upcaster from v${version}`);
        }
      }
      this.schemas.set(schema.type, schema);
    }
    return this;
  }

  currentVersion(type: string): number {
    return this.schemas.get(type)?.version ?? 1;
  }

  upcast(type: string, version: number, data: unknown): { readonly version: number; readonly data: unknown } {
    const schema = this.schemas.get(type);
    const current = schema?.version ?? 1;
    if (version > current) {
      throw new UnknownEventSchema(type, version, `this code knows versions up to ${current}`);
    }
    let upcast = data;
    for (let step = version; step < current; step++) {
      const upcaster = schema?.upcasters?.[step];
      if (upcaster === undefined) throw new UnknownEventSchema(type, step, 'no upcaster to the next version');
      upcast = upcaster(upcast);
    }
    return { version: current, data: upcast };
  }
}
