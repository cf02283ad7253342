import { FIXED_NOW_ISO, fixedDecisionContext, sequentialId, sequentialIds } from './fixed-decision-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('fixedDecisionContext', () => {
  it('reports a fixed time and sequential UUID-shaped ids', () => {
    const context = fixedDecisionContext();
    expect(context.now.toISOString()).toBe(FIXED_NOW_ISO);
    expect([context.newId(), context.newId()]).toEqual([sequentialId(1), sequentialId(2)]);
    expect(sequentialId(2)).toBe('00000000-0000-4000-8000-000000000002');
    expect(sequentialId(0xabc)).toMatch(UUID);
  });

  it('takes another time and first id, and starts a new sequence per context', () => {
    const context = fixedDecisionContext({ now: '2030-05-06T07:08:09.000Z', firstId: 10 });
    expect(context.now).toEqual(new Date('2030-05-06T07:08:09.000Z'));
    expect(context.newId()).toBe(sequentialId(10));
    expect(fixedDecisionContext().newId()).toBe(sequentialId(1));
  });

  it('hands out a fresh Date each time so that a decision cannot move the clock', () => {
    const context = fixedDecisionContext();
    context.now.setUTCFullYear(1999);
    expect(context.now.toISOString()).toBe(FIXED_NOW_ISO);
  });

  it('rejects invalid instants and ids', () => {
    expect(() => fixedDecisionContext({ now: 'not a date' })).toThrow(RangeError);
    expect(() => sequentialId(-1)).toThrow(RangeError);
    expect(() => sequentialId(1.5)).toThrow(RangeError);
  });

  it('counts from the given id', () => {
    const next = sequentialIds(7);
    expect([next(), next()]).toEqual([sequentialId(7), sequentialId(8)]);
  });
});
