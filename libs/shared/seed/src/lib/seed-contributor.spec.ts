import { DEMO_ORGANISATIONS, demoOrganisations, TravellingClock } from './seed-contributor';

describe('demoOrganisations', () => {
  it('reads the organisations an earlier contributor provided', () => {
    const org = { orgId: 'o1', name: 'Night Owls', kind: 'label', ownerUserId: 'u1' };
    expect(demoOrganisations({ identity: { [DEMO_ORGANISATIONS]: [org] } })).toEqual([org]);
    expect(demoOrganisations({ identity: {} })).toEqual([]);
  });

  it('refuses anything that is not a list of organisations', () => {
    expect(() => demoOrganisations({ identity: { [DEMO_ORGANISATIONS]: 'o1' } })).toThrow('must be a list');
    expect(() =>
      demoOrganisations({ identity: { [DEMO_ORGANISATIONS]: [{ orgId: 'o1', name: 'x', kind: 'band' }] } }),
    ).toThrow('organisations[0] is not a demo organisation');
  });
});

describe('TravellingClock', () => {
  it('tells the real time until it travels, then the instant it travelled to', () => {
    let id = 0;
    const clock = new TravellingClock(() => `id-${++id}`);
    const before = Date.now();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    clock.travelTo(new Date('2026-05-01T10:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-05-01T10:00:00.000Z');
    expect(clock.newId()).toBe('id-1');
    clock.backToNow();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    expect(() => clock.travelTo(new Date('nope'))).toThrow('invalid date');
  });
});
