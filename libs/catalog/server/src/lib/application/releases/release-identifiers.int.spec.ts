import { eventually } from '@bandstand/shared/testing';
import { type ReleaseDraftInput } from '@bandstand/catalog/contracts';
import { type CatalogTestApp, startCatalogTestApp } from '../../testing/catalog.test-kit';
import { artistsArea } from '../artists/artists.area';
import { CreateArtist } from '../artists/create-artist/create-artist.command';
import { CreateRelease } from './create-release/create-release.command';
import { type CatalogActor, userActor } from './release-stream';
import { releasesArea } from './releases.area';

const ORG_A = 'org-a';
const ORG_B = 'org-b';

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve: () => resolve() };
}

function input(artistId: string, isrc: string, upc: string | null = null): ReleaseDraftInput {
  return {
    type: 'single',
    title: 'Same Song',
    displayArtist: 'Someone',
    artistIds: [artistId],
    upc,
    tracks: [{ title: 'Same Song', isrc, displayArtist: 'Someone' }],
  };
}

describe('ISRC and UPC claims under concurrent writers (PostgreSQL)', () => {
  let test: CatalogTestApp;
  const artists = new Map<string, string>();
  const actorA: CatalogActor = userActor('ana', 'corr-a');
  const actorB: CatalogActor = userActor('bo', 'corr-b');

  const create = (orgId: string, isrc: string, upc: string | null = null) =>
    test.commands.execute(
      new CreateRelease(orgId, input(artists.get(orgId) ?? '', isrc, upc), orgId === ORG_A ? actorA : actorB),
    );

  const owners = (isrc: string) =>
    test.db.query<{ org_id: string }>('select org_id from catalog.isrc_owners where isrc = $1', [isrc]);

  /** Sessions of this test database whose claim of an ISRC waits for another transaction's. */
  const lockWaiters = async (): Promise<number> => {
    const [row] = await test.db.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'
          and query like '%insert into catalog.isrc_owners%'`,
    );
    return row?.waiting ?? 0;
  };

  beforeAll(async () => {
    test = await startCatalogTestApp({ areas: [artistsArea, releasesArea] });
    for (const [orgId, actor] of [
      [ORG_A, actorA],
      [ORG_B, actorB],
    ] as const) {
      const { artistId } = await test.commands.execute(new CreateArtist(orgId, { name: 'Someone' }, actor));
      artists.set(orgId, artistId);
    }
  });
  afterAll(async () => {
    await test.close();
  });

  it('makes a second organisation wait for the first claim of an ISRC, then refuses it', async () => {
    const held = deferred();
    const claimed = deferred();
    const first = test.db.transaction(async () => {
      await create(ORG_A, 'NOBND2700001');
      claimed.resolve();
      await held.promise;
    });
    await claimed.promise;
    const second = create(ORG_B, 'NOBND2700001');
    const secondSettled = second.then(
      () => 'fulfilled',
      () => 'rejected',
    );
    await eventually(async () => expect(await lockWaiters()).toBe(1));
    expect(await Promise.race([secondSettled, Promise.resolve('pending')])).toBe('pending');
    held.resolve();
    await first;
    await expect(second).rejects.toMatchObject({ code: 'CATALOG.DUPLICATE_ISRC', status: 409 });
    expect(await owners('NOBND2700001')).toEqual([{ org_id: ORG_A }]);
    const [count] = await test.db.query<{ releases: number }>(
      'select count(*)::int as releases from catalog.releases where org_id = $1',
      [ORG_B],
    );
    expect(count?.releases).toBe(0);
  });

  it('gives the ISRC to the waiting organisation when the first claim rolls back', async () => {
    const held = deferred();
    const claimed = deferred();
    const first = test.db.transaction(async () => {
      await create(ORG_A, 'NOBND2700002');
      claimed.resolve();
      await held.promise;
      throw new Error('the first writer gives up');
    });
    await claimed.promise;
    const second = create(ORG_B, 'NOBND2700002');
    await eventually(async () => expect(await lockWaiters()).toBe(1));
    held.resolve();
    await expect(first).rejects.toThrow('the first writer gives up');
    await expect(second).resolves.toEqual({ releaseId: expect.any(String) as unknown });
    expect(await owners('NOBND2700002')).toEqual([{ org_id: ORG_B }]);
  });

  it('lets exactly one of two organisations racing for each ISRC win, and one release per UPC', async () => {
    const isrcs = Array.from({ length: 8 }, (_, index) => `NOBND27001${String(index).padStart(2, '0')}`);
    const outcomes = await Promise.all(
      isrcs.map((isrc) => Promise.allSettled([create(ORG_A, isrc), create(ORG_B, isrc)])),
    );
    for (const [index, pair] of outcomes.entries()) {
      const won = pair.filter((outcome) => outcome.status === 'fulfilled');
      const lost = pair.filter((outcome) => outcome.status === 'rejected');
      expect([won.length, lost.length]).toEqual([1, 1]);
      expect(lost[0]).toMatchObject({ reason: { code: 'CATALOG.DUPLICATE_ISRC' } });
      const winner = pair[0].status === 'fulfilled' ? ORG_A : ORG_B;
      expect(await owners(isrcs[index] ?? '')).toEqual([{ org_id: winner }]);
    }
    const upcRace = await Promise.allSettled([
      create(ORG_A, 'NOBND2700201', '036000291452'),
      create(ORG_A, 'NOBND2700202', '036000291452'),
    ]);
    expect(upcRace.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(upcRace.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { code: 'CATALOG.DUPLICATE_UPC' },
    });
    const [upcOwners] = await test.db.query<{ owners: number }>(
      `select count(*)::int as owners from catalog.upc_owners where upc = '036000291452'`,
    );
    expect(upcOwners?.owners).toBe(1);
  });
});
