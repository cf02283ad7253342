import { Inject, Injectable } from '@nestjs/common';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { type ReleaseDraft } from '@bandstand/catalog/contracts';
import { CSV_COLUMNS, releaseCsvRows } from './catalog-csv.format';
import { csvLine } from './rfc4180';

// Releases are read a page at a time so that a large catalog never sits in one result set.
const PAGE = 200;
const BOM = '\uFEFF';

/** Writes an organisation's catalog (the drafts' metadata) as the catalog CSV. */
@Injectable()
export class CsvExporter {
  constructor(@Inject(KernelDatabase) private readonly db: KernelDatabase) {}

  /**
   * The catalog CSV of the organisation: a byte order mark (so that spreadsheets read UTF-8), the
   * header, then one CRLF-ended row per track, releases oldest first.
   */
  async export(orgId: string): Promise<string> {
    const parts: string[] = [BOM, csvLine(CSV_COLUMNS)];
    let after: { createdAt: string; releaseId: string } | null = null;
    for (;;) {
      const rows: { release_id: string; created_at: string; draft: ReleaseDraft }[] = await this.db.query(
        `select release_id, created_at::text as created_at, draft from catalog.releases
          where org_id = $1 and ($2::timestamptz is null or (created_at, release_id) > ($2::timestamptz, $3))
          order by created_at, release_id limit ${PAGE}`,
        [orgId, after?.createdAt ?? null, after?.releaseId ?? null],
      );
      for (const row of rows) {
        for (const record of releaseCsvRows(row.release_id, row.draft)) {
          parts.push(csvLine(CSV_COLUMNS.map((column) => record[column])));
        }
      }
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < PAGE) break;
      after = { createdAt: last.created_at, releaseId: last.release_id };
    }
    return parts.join('');
  }
}
