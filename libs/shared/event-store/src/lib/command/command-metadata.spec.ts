import { type StoredEvent } from '../store/event';
import { causedBy, toEventMetadata } from './command-metadata';

describe('command metadata', () => {
  it('fills the optional fields of event metadata with null', () => {
    expect(toEventMetadata({ correlationId: 'c', actor: 'user:1' })).toEqual({
      correlationId: 'c',
      causationId: null,
      actor: 'user:1',
      tenantId: null,
    });
    expect(
      toEventMetadata({
        correlationId: 'c',
        causationId: 'r',
        actor: 'user:1',
        tenantId: 't',
        extra: { requestId: 'q' },
      }),
    ).toEqual({
      correlationId: 'c',
      causationId: 'r',
      actor: 'user:1',
      tenantId: 't',
      extra: { requestId: 'q' },
    });
  });

  it('derives a processor command from the event that causes it', () => {
    const event: StoredEvent = {
      transactionId: 1n,
      globalPosition: 2n,
      streamId: 'order-1',
      streamVersion: 1,
      eventId: 'e-1',
      type: 'OrderPaid',
      schemaVersion: 1,
      data: {},
      metadata: { correlationId: 'corr', causationId: 'req', actor: 'user:1', tenantId: 'tenant' },
      recordedAt: new Date(0),
    };
    expect(causedBy(event, 'processor:rewards.credit-purchases')).toEqual({
      correlationId: 'corr',
      causationId: 'e-1',
      actor: 'processor:rewards.credit-purchases',
      tenantId: 'tenant',
    });
  });
});
