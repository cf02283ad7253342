import { commitMessageProblems } from './commit-message';

describe('commit message convention', () => {
  it.each([
    'feat(royalties): split sheets effective from a date',
    'fix(shared-config)!: refuse a PORT outside 1-65535\n\nBREAKING: PORT=0 no longer means random.',
    'chore(workspace): pin nx 23.2.1',
    'Merge branch main',
    'fixup! feat(catalog): embargo windows',
  ])('accepts %p', (message) => {
    expect(commitMessageProblems(message)).toEqual([]);
  });

  it.each([
    ['added stuff', /type\(scope\): summary/],
    ['feat: no scope', /type\(scope\): summary/],
    ['feat(Royalties): upper-case scope', /type\(scope\): summary/],
    ['feature(catalog): wrong type', /Unknown type "feature"/],
    ['feat(catalog): ends with a stop.', /full stop/],
    ['feat(catalog): body glued\nto the header', /second line empty/],
    [`feat(catalog): ${'x'.repeat(100)}`, /keep it to 100/],
  ])('rejects %p', (message, problem) => {
    expect(commitMessageProblems(message)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it('ignores comment lines git adds to the message file', () => {
    expect(commitMessageProblems('# Please enter the commit message\nfeat(live): giveaways\n')).toEqual([]);
  });
});
