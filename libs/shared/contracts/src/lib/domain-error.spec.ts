import { DomainError } from './domain-error';

class PayoutBelowThreshold extends DomainError {
  constructor() {
    super('ROYALTIES.PAYOUT_BELOW_THRESHOLD', 'The balance is below the payout threshold', {
      status: 409,
      field: 'amount',
    });
  }
}

describe('DomainError', () => {
  it('carries a stable code, a status and a field, and is named after its class', () => {
    const error = new PayoutBelowThreshold();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'ROYALTIES.PAYOUT_BELOW_THRESHOLD',
      status: 409,
      field: 'amount',
      name: 'PayoutBelowThreshold',
    });
    expect(error.message).toBe('The balance is below the payout threshold');
  });

  it('defaults to 422 without a field, and keeps a cause', () => {
    const cause = new Error('root');
    const error = new DomainError('CATALOG.EMBARGO_IN_THE_PAST', 'The embargo date is in the past', {
      cause,
    });
    expect(error.status).toBe(422);
    expect(error.field).toBeUndefined();
    expect(error.cause).toBe(cause);
  });
});
