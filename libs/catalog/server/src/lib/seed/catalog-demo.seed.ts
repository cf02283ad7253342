import { CommandBus } from '@nestjs/cqrs';
import { type ReleaseDraft } from '@bandstand/catalog/contracts';
import { KernelDatabase } from '@bandstand/shared/event-store';
import {
  type DemoOrganisation,
  demoOrganisations,
  type SeedApplication,
  type SeedContributor,
} from '@bandstand/shared/seed';
import { CreateArtist } from '../application/artists/create-artist/create-artist.command';
import { CreateRelease } from '../application/releases/create-release/create-release.command';
import { PublishVersion } from '../application/releases/publish-version/publish-version.command';
import { RELEASE_DUE_ACTOR } from '../application/releases/release-due.job';
import { type CatalogActor, ReleaseStream } from '../application/releases/release-stream';
import { ReviseDraft } from '../application/releases/revise-draft/revise-draft.command';
import { ScheduleRelease } from '../application/releases/schedule-release/schedule-release.command';
import { TakeDownRelease } from '../application/releases/take-down-release/take-down-release.command';
import {
  type DemoArtistPlan,
  DemoCatalogGenerator,
  type DemoCatalogSize,
  type DemoReleasePlan,
  type DemoReleaseStep,
} from './demo-catalog.generator';

/** The demo catalog at scale 1: a label with a large roster, and an artist with its own releases. */
export const DEFAULT_DEMO_CATALOG_SIZE: Readonly<Record<DemoOrganisation['kind'], DemoCatalogSize>> = {
  label: { artists: 240, releases: 2_400 },
  artist: { artists: 1, releases: 16 },
};

// Commands per transaction: fewer commits, and a failure still loses only the seed run.
const STEPS_PER_TRANSACTION = 250;

interface TimedAction {
  readonly at: Date;
  readonly order: number;
  readonly run: () => Promise<void>;
}

/**
 * The catalog context's demo data, written through its own commands on a clock that travels through
 * the past year: artists, then each release created, scheduled (published), released when due,
 * sometimes revised into a second version or taken down — all in the organisations the identity demo
 * provides. Future releases stay scheduled, with their release-due jobs waiting in the outbox.
 */
export function catalogDemoSeed(
  sizes: Readonly<Record<DemoOrganisation['kind'], DemoCatalogSize>> = DEFAULT_DEMO_CATALOG_SIZE,
): SeedContributor {
  return {
    context: 'catalog',
    after: ['identity'],
    usesApplication: true,
    async run({ app, rng, scale, today, provided, log }) {
      if (app === null) throw new Error('The catalog demo writes through the application');
      const organisations = demoOrganisations(provided);
      if (organisations.length === 0) {
        log('no demo organisations were provided: nothing to fill');
        return { created: {} };
      }
      const actions: TimedAction[] = [];
      const counts = { artists: 0, releases: 0, tracks: 0 };
      let order = 0;
      organisations.forEach((org, index) => {
        const size = sizes[org.kind];
        const generator = new DemoCatalogGenerator(rng.derive(org.orgId), today, index + 1);
        const artists = generator.artists(org.orgId, size.artists * scale);
        if (org.kind === 'artist' && artists[0] !== undefined) {
          artists[0] = { ...artists[0], input: { ...artists[0].input, name: org.name } };
        }
        const label = org.kind === 'label' ? org.name : `${org.name} Music`;
        const releases = generator.releases(org.orgId, artists, size.releases * scale, label);
        const artistIds = new Map<number, string>();
        const actor = seedActor(org);
        for (const artist of artists) {
          actions.push({
            at: artist.at,
            order: order++,
            run: () => createArtist(app, artist, actor, artistIds),
          });
        }
        for (const release of releases) {
          const state = { releaseId: '', revision: 1 };
          for (const step of release.steps) {
            actions.push({
              at: step.at,
              order: order++,
              run: () => perform(app, release, step, actor, artistIds, state),
            });
          }
          counts.tracks += countTracks(release);
        }
        counts.artists += artists.length;
        counts.releases += releases.length;
      });
      actions.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
      const db = app.get(KernelDatabase);
      const clock = app.clock;
      try {
        for (let start = 0; start < actions.length; start += STEPS_PER_TRANSACTION) {
          await db.transaction(async () => {
            for (const action of actions.slice(start, start + STEPS_PER_TRANSACTION)) {
              clock?.travelTo(action.at);
              await action.run();
            }
          });
          if ((start / STEPS_PER_TRANSACTION) % 8 === 7)
            log(`${start + STEPS_PER_TRANSACTION} of ${actions.length} steps`);
        }
      } finally {
        clock?.backToNow();
      }
      return { created: counts };
    },
  };
}

function seedActor(org: DemoOrganisation): CatalogActor {
  return { actor: `user:${org.ownerUserId}`, correlationId: `seed-catalog-${org.orgId}` };
}

function countTracks(release: DemoReleasePlan): number {
  const created = release.steps.find((step) => step.kind === 'create');
  return created?.kind === 'create' ? (created.draft.tracks?.length ?? 0) : 0;
}

async function createArtist(
  app: SeedApplication,
  artist: DemoArtistPlan,
  actor: CatalogActor,
  artistIds: Map<number, string>,
): Promise<void> {
  const { artistId } = await app.get(CommandBus).execute(new CreateArtist(artist.orgId, artist.input, actor));
  artistIds.set(artist.key, artistId);
}

async function perform(
  app: SeedApplication,
  release: DemoReleasePlan,
  step: DemoReleaseStep,
  actor: CatalogActor,
  artistIds: ReadonlyMap<number, string>,
  state: { releaseId: string; revision: number },
): Promise<void> {
  const commands = app.get(CommandBus);
  const withArtists = (draft: object): object => ({
    ...draft,
    artistIds: release.artistKeys.map((key) => {
      const id = artistIds.get(key);
      if (id === undefined)
        throw new Error(`The demo artist ${key} of ${release.orgId} was not created first`);
      return id;
    }),
  });
  switch (step.kind) {
    case 'create': {
      const { releaseId } = await commands.execute(
        new CreateRelease(release.orgId, withArtists(step.draft), actor),
      );
      state.releaseId = releaseId;
      return;
    }
    case 'schedule':
      await commands.execute(new ScheduleRelease(release.orgId, state.releaseId, step.schedule, actor));
      return;
    case 'release-due':
      await app.get(ReleaseStream).run(
        release.orgId,
        state.releaseId,
        { actor: RELEASE_DUE_ACTOR, correlationId: actor.correlationId },
        {
          kind: 'ReleaseIfDue',
        },
      );
      return;
    case 'revise': {
      // Edited the way the console edits: the current draft, tracks keeping their ids.
      const [current] = await app
        .get(KernelDatabase)
        .query<{ draft: ReleaseDraft; revision: number }>(
          'select draft, revision from catalog.releases where release_id = $1',
          [state.releaseId],
        );
      if (current === undefined) throw new Error(`The demo release ${state.releaseId} has no read model`);
      const draft: ReleaseDraft = {
        ...current.draft,
        genre: step.genre,
        tracks: current.draft.tracks.map((track) => ({ ...track, genre: step.genre })),
      };
      const { revision } = await commands.execute(
        new ReviseDraft(release.orgId, state.releaseId, current.revision, draft, actor),
      );
      state.revision = revision;
      return;
    }
    case 'publish':
      await commands.execute(
        new PublishVersion(release.orgId, state.releaseId, state.revision, step.note, actor),
      );
      return;
    case 'take-down':
      await commands.execute(new TakeDownRelease(release.orgId, state.releaseId, step.reason, actor));
      return;
  }
}
