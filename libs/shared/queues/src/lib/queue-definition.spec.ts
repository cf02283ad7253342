import { defineQueue } from './queue-definition';

describe('defineQueue', () => {
  it('keeps the name and merges job options over bounded retention', () => {
    const queue = defineQueue({
      name: 'royalties.statements',
      defaultJobOptions: { attempts: 5, removeOnFail: false },
    });
    expect(queue.name).toBe('royalties.statements');
    expect(queue.defaultJobOptions).toEqual({
      attempts: 5,
      removeOnComplete: { age: 86_400, count: 1000 },
      removeOnFail: false,
    });
    expect(Object.isFrozen(queue)).toBe(true);
  });

  it.each(['royalties:statements', 'Royalties.statements', '', 'royalties..statements', '1st'])(
    'rejects the name %p',
    (name) => {
      expect(() => defineQueue({ name })).toThrow('is not allowed');
    },
  );
});
