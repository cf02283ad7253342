import { from, lastValueFrom, toArray } from 'rxjs';
import { type StoredEvent } from '../store/event';
import { CommittedEvent, ofCommittedType } from './committed-event';

const stored = (type: string, streamVersion: number): StoredEvent => ({
  transactionId: 10n,
  globalPosition: BigInt(streamVersion),
  streamId: 'counter-1',
  streamVersion,
  eventId: `e-${streamVersion}`,
  type,
  schemaVersion: 1,
  data: { n: streamVersion },
  metadata: { correlationId: 'c', causationId: null, actor: 'user:1', tenantId: null },
  recordedAt: new Date(0),
});

describe('CommittedEvent', () => {
  it('carries every field of the stored event', () => {
    const event = stored('CounterIncremented', 1);
    expect({ ...new CommittedEvent(event) }).toEqual(event);
  });

  it('lets sagas keep the committed events of some types', async () => {
    const events = [
      new CommittedEvent(stored('CounterIncremented', 1)),
      { type: 'CounterIncremented' },
      new CommittedEvent(stored('CounterLimitSet', 2)),
      new CommittedEvent(stored('CounterIncremented', 3)),
    ];
    const kept = await lastValueFrom(from(events).pipe(ofCommittedType('CounterIncremented'), toArray()));
    expect(kept.map((event) => event.streamVersion)).toEqual([1, 3]);
  });
});
