import {
  checkGtin,
  checkIsni,
  checkIsrc,
  checkIswc,
  embargoConflicts,
  parseArtistProfile,
  parseReleaseDraft,
  parseSchedule,
} from '@bandstand/catalog/domain';
import { Rng } from '@bandstand/shared/seed';
import { DemoCatalogGenerator, type DemoReleasePlan } from './demo-catalog.generator';

const TODAY = new Date('2026-11-22T00:00:00Z');

function generate(seed: string, orgIndex = 1): { artists: number; releases: DemoReleasePlan[] } {
  const generator = new DemoCatalogGenerator(Rng.fromSeed(seed), TODAY, orgIndex);
  const artists = generator.artists('org-1', 40);
  for (const artist of artists) expect(parseArtistProfile(artist.input)).toMatchObject({ ok: true });
  return { artists: artists.length, releases: generator.releases('org-1', artists, 300, 'Northern Lights') };
}

function createdDraft(plan: DemoReleasePlan): unknown {
  const step = plan.steps[0];
  if (step?.kind !== 'create') throw new Error('a plan starts with its creation');
  return { ...step.draft, artistIds: ['artist-1'] };
}

describe('DemoCatalogGenerator', () => {
  it('writes drafts the catalog accepts, with valid identifiers unique across organisations', () => {
    const isrcs = new Set<string>();
    const upcs = new Set<string>();
    for (const orgIndex of [1, 2]) {
      for (const plan of generate('demo', orgIndex).releases) {
        let id = 0;
        const parsed = parseReleaseDraft(createdDraft(plan), { previous: null, newId: () => `t${++id}` });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const draft = parsed.value;
        expect(draft.upc === null ? false : checkGtin(draft.upc).ok).toBe(true);
        expect(upcs.has(draft.upc ?? '')).toBe(false);
        upcs.add(draft.upc ?? '');
        for (const track of draft.tracks) {
          expect(checkIsrc(track.isrc ?? '').ok).toBe(true);
          expect(isrcs.has(track.isrc ?? '')).toBe(false);
          isrcs.add(track.isrc ?? '');
          if (track.iswc !== null) expect(checkIswc(track.iswc).ok).toBe(true);
        }
      }
    }
    expect(isrcs.size).toBeGreaterThan(1000);
  });

  it('gives artists valid ISNIs and names in several scripts', () => {
    const generator = new DemoCatalogGenerator(Rng.fromSeed('names'), TODAY, 3);
    const artists = generator.artists('org-3', 200);
    const isnis = artists.flatMap((artist) => (artist.input.isni ? [artist.input.isni] : []));
    expect(isnis.length).toBeGreaterThan(50);
    for (const isni of isnis) expect(checkIsni(isni).ok).toBe(true);
    const names = artists.map((artist) =>
      typeof artist.input.name === 'string' ? artist.input.name : artist.input.name.text,
    );
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((name) => /[\u3040-\u30ff\uac00-\ud7af\u0400-\u04ff\u0370-\u03ff]/u.test(name))).toBe(
      true,
    );
  });

  it('tells each release a history the deciders accept: scheduled ahead, released when due, in time order', () => {
    const { releases } = generate('history');
    const fates = new Set<string>();
    for (const plan of releases) {
      const times = plan.steps.map((step) => step.at.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      const schedule = plan.steps.find((step) => step.kind === 'schedule');
      if (schedule?.kind === 'schedule') {
        const parsed = parseSchedule(schedule.schedule);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        expect(embargoConflicts(parsed.value)).toEqual([]);
        expect(new Date(schedule.schedule.releaseAt).getTime()).toBeGreaterThan(schedule.at.getTime());
      }
      for (const step of plan.steps)
        if (step.kind !== 'schedule')
          expect(step.at.getTime()).toBeLessThan(TODAY.getTime() + 100 * 86_400_000);
      fates.add(plan.steps.map((step) => step.kind).join(','));
    }
    expect([...fates]).toEqual(
      expect.arrayContaining([
        'create',
        'create,schedule',
        'create,schedule,release-due',
        'create,schedule,release-due,revise,publish',
      ]),
    );
  });

  it('is deterministic for a seed', () => {
    expect(generate('same').releases).toEqual(generate('same').releases);
    expect(generate('same').releases).not.toEqual(generate('other').releases);
  });
});
