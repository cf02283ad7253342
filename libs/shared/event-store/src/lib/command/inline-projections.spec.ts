import { InlineProjections } from './inline-projections';

const handler = { handle: () => Promise.resolve(), truncate: () => Promise.resolve() };

describe('InlineProjections', () => {
  it('keeps projections in registration order', () => {
    const projections = new InlineProjections()
      .register({ name: 'b.one' }, handler)
      .register({ name: 'a.two' }, handler);
    expect(projections.names).toEqual(['b.one', 'a.two']);
  });

  it('refuses two projections of one name and projections without a name', () => {
    const projections = new InlineProjections().register({ name: 'catalog.releases' }, handler);
    expect(() => projections.register({ name: 'catalog.releases' }, handler)).toThrow(
      'Two inline projections are named "catalog.releases"',
    );
    expect(() => projections.register({ name: '' }, handler)).toThrow('An inline projection needs a name');
  });
});
