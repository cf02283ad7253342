import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgAccess } from '@bandstand/shared/access';
import { type Page, pageLimit } from '@bandstand/shared/contracts';
import { type CalendarEntry, type TrackSummary } from '@bandstand/catalog/contracts';
import { CalendarQueryDto, TrackListQueryDto } from './releases.dto';
import { ReleasesQueries } from './releases.queries';

/** An organisation's tracks (for batch editing) and its release calendar. */
@ApiTags('catalog')
@Controller('orgs/:orgId/catalog')
export class TracksController {
  constructor(@Inject(ReleasesQueries) private readonly queries: ReleasesQueries) {}

  @OrgAccess('catalog.read')
  @Get('tracks')
  @ApiOperation({
    summary: "The drafts' tracks by release, filtered by release or text, a cursor page at a time",
  })
  tracks(@Param('orgId') orgId: string, @Query() query: TrackListQueryDto): Promise<Page<TrackSummary>> {
    return this.queries.tracks(
      orgId,
      {
        ...(query.releaseId === undefined ? {} : { releaseId: query.releaseId }),
        ...(query.q === undefined ? {} : { q: query.q }),
      },
      query.cursor,
      pageLimit(query.limit),
    );
  }

  @OrgAccess('catalog.read')
  @Get('calendar')
  @ApiOperation({ summary: 'Release moments, territory moments and embargoes in [from, to), at most a year' })
  calendar(@Param('orgId') orgId: string, @Query() query: CalendarQueryDto): Promise<CalendarEntry[]> {
    return this.queries.calendar(orgId, query.from, query.to);
  }
}
