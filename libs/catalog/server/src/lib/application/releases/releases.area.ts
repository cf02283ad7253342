import { EventSchemasModule } from '@bandstand/shared/event-store';
import { RELEASE_EVENT_TYPES } from '@bandstand/catalog/domain';
import { type CatalogArea } from '../../catalog-area';
import { CreateReleaseHandler } from './create-release/create-release.handler';
import { DeleteReleaseHandler } from './delete-release/delete-release.handler';
import { PublishVersionHandler } from './publish-version/publish-version.handler';
import { ReinstateReleaseHandler } from './reinstate-release/reinstate-release.handler';
import { ReleaseDueProcessor, ReleaseDueScheduler } from './release-due.job';
import { ReleaseDrafts } from './release-input';
import { ReleaseNowHandler } from './release-now/release-now.handler';
import { ReleaseStream } from './release-stream';
import { ReleasesController } from './releases.controller';
import { ReleasesProjection } from './releases.projection';
import { ReleasesQueries } from './releases.queries';
import { ReviseDraftHandler } from './revise-draft/revise-draft.handler';
import { ScheduleReleaseHandler } from './schedule-release/schedule-release.handler';
import { TakeDownReleaseHandler } from './take-down-release/take-down-release.handler';
import { TracksController } from './tracks.controller';
import { UnscheduleReleaseHandler } from './unschedule-release/unschedule-release.handler';

/** Releases: drafts, versions, schedules and the lifecycle, their read models, tracks and the calendar. */
export const releasesArea: CatalogArea = {
  providers: [
    ReleaseStream,
    ReleaseDrafts,
    ReleaseDueScheduler,
    ReleaseDueProcessor,
    ReleasesProjection,
    ReleasesQueries,
    CreateReleaseHandler,
    ReviseDraftHandler,
    PublishVersionHandler,
    ScheduleReleaseHandler,
    UnscheduleReleaseHandler,
    ReleaseNowHandler,
    TakeDownReleaseHandler,
    ReinstateReleaseHandler,
    DeleteReleaseHandler,
  ],
  controllers: [ReleasesController, TracksController],
  imports: [
    EventSchemasModule.forFeature(
      'catalog.releases',
      RELEASE_EVENT_TYPES.map((type) => ({ type, version: 1 })),
    ),
  ],
};
