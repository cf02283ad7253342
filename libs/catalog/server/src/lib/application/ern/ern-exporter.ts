import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type ApiConfig } from '@bandstand/shared/config';
import { KERNEL_CLOCK, KernelDatabase, type KernelClock } from '@bandstand/shared/event-store';
import { CATALOG_ERROR_CODES, type ReleaseDraft, type ReleaseSchedule } from '@bandstand/catalog/contracts';
import { CatalogError, ReleaseIncomplete } from '@bandstand/catalog/domain';
import { releaseNotFound } from '../releases/release-stream';
import { buildNewReleaseMessage, type ErnArtist, ernExportProblems } from './ern-message.builder';

/** Which state of a release to export. */
export type ErnExportSelection =
  | { readonly draft: true }
  /** A published version; null for the newest. */
  | { readonly draft: false; readonly version: number | null };

/** An exported message and the file name to offer it under. */
export interface ErnExport {
  readonly xml: string;
  readonly fileName: string;
}

interface ReleaseRow {
  readonly release_id: string;
  readonly upc: string | null;
  readonly version: number;
  readonly draft: ReleaseDraft;
  readonly published: ReleaseDraft | null;
  readonly schedule: ReleaseSchedule | null;
}

interface ArtistRow {
  readonly artist_id: string;
  readonly name_text: string;
  readonly isni: string | null;
  readonly ipi: string | null;
}

function versionNotFound(message: string): CatalogError {
  return new CatalogError(CATALOG_ERROR_CODES.versionNotFound, message, { status: 404, field: 'version' });
}

/** Writes an organisation's release as a DDEX ERN 4.3 NewReleaseMessage, read from the catalog's read models. */
@Injectable()
export class ErnExporter {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
    // Only the api has these keys; the worker composes this provider but never exports.
    @Inject(APP_CONFIG)
    private readonly config: Partial<Pick<ApiConfig, 'DDEX_PARTY_ID' | 'DDEX_PARTY_NAME'>>,
  ) {}

  /** The message of the newest published version, a given version, or the draft. */
  async export(orgId: string, releaseId: string, selection: ErnExportSelection): Promise<ErnExport> {
    const [row] = await this.db.query<ReleaseRow>(
      `select release_id, upc, version, draft, published, schedule
         from catalog.releases where release_id = $1 and org_id = $2`,
      [releaseId, orgId],
    );
    if (row === undefined) throw releaseNotFound();
    const draft = await this.selected(row, selection);
    const problems = ernExportProblems(draft);
    if (problems.length > 0) throw new ReleaseIncomplete(problems);
    const artists = await this.db.query<ArtistRow>(
      `select artist_id, name_text, isni, ipi from catalog.artists where org_id = $1 and artist_id = any($2::text[])`,
      [orgId, [...draft.artistIds]],
    );
    const xml = buildNewReleaseMessage({
      releaseId,
      draft,
      schedule: row.schedule,
      artists: new Map<string, ErnArtist>(
        artists.map((artist) => [
          artist.artist_id,
          { name: artist.name_text, isni: artist.isni, ipi: artist.ipi },
        ]),
      ),
      sender: {
        partyId: this.config.DDEX_PARTY_ID ?? 'PADPIDA0000000000B',
        name: this.config.DDEX_PARTY_NAME ?? 'Bandstand',
      },
      messageId: this.clock.newId(),
      createdAt: this.clock.now().toISOString(),
    });
    return { xml, fileName: `${draft.upc ?? 'no-upc'}_${releaseId}.xml` };
  }

  private async selected(row: ReleaseRow, selection: ErnExportSelection): Promise<ReleaseDraft> {
    if (selection.draft) return row.draft;
    if (selection.version === null || selection.version === row.version) {
      if (row.published === null) {
        throw versionNotFound('The release has no published version yet; export the draft with draft=true');
      }
      return row.published;
    }
    const [version] = await this.db.query<{ draft: ReleaseDraft }>(
      'select draft from catalog.release_versions where release_id = $1 and version = $2',
      [row.release_id, selection.version],
    );
    if (version === undefined) throw versionNotFound(`The release has no version ${selection.version}`);
    return version.draft;
  }
}
