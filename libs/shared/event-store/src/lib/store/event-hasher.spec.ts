import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { EventHasher } from './event-hasher';

const hasher = new EventHasher('k'.repeat(40));

describe('EventHasher', () => {
  it('gives the same digest from pre-serialized parts as from the content (property)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.record({
          correlationId: fc.string(),
          causationId: fc.option(fc.string()),
          actor: fc.string(),
          tenantId: fc.option(fc.string()),
          extra: fc.dictionary(fc.string(), fc.jsonValue()),
        }),
        fc.string(),
        fc.uuid(),
        (data, metadata, streamId, eventId) => {
          const recordedAt = new Date('2026-11-21T10:00:00.000Z');
          const content = {
            streamId,
            eventId,
            type: 'ThingHappened',
            schemaVersion: 2,
            data,
            metadata,
            recordedAt,
          };
          const fromParts = hasher.digestOfCanonical({
            streamId,
            eventId,
            type: 'ThingHappened',
            schemaVersion: 2,
            dataJson: canonicalJson(data),
            metadataJson: canonicalJson(metadata),
            recordedAtIso: recordedAt.toISOString(),
          });
          expect(
            fromParts.equals(hasher.digest({ ...content, data: JSON.parse(canonicalJson(data)) as unknown })),
          ).toBe(true);
        },
      ),
    );
  });

  it('pads the key like HMAC-SHA256, so that Node and PostgreSQL agree', () => {
    expect(hasher.innerKey).toHaveLength(64);
    expect(hasher.outerKey).toHaveLength(64);
    expect(() => new EventHasher('short')).toThrow(TypeError);
  });
});
