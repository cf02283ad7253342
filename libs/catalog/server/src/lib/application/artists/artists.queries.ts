import { Inject, Injectable } from '@nestjs/common';
import { type Page } from '@bandstand/shared/contracts';
import { decodeCursor, encodeCursor, keysetPage } from '@bandstand/shared/http';
import { KernelDatabase } from '@bandstand/shared/event-store';
import { type Artist, type LocalizedText } from '@bandstand/catalog/contracts';
import { isoUtc } from '../releases/catalog-sql';
import { artistNotFound } from './artist-stream';

interface ArtistRow {
  readonly artist_id: string;
  readonly org_id: string;
  readonly name: LocalizedText;
  readonly name_text: string;
  readonly isni: string | null;
  readonly ipi: string | null;
  readonly country: string | null;
  readonly bio: string | null;
  readonly release_count: number;
  readonly created_at: string;
}

const COLUMNS = `a.artist_id, a.org_id, a.name, a.name_text, a.isni, a.ipi, a.country, a.bio,
  (select count(*)::int from catalog.releases r where r.org_id = a.org_id and r.artist_ids @> array[a.artist_id])
    as release_count,
  ${isoUtc('a.created_at')} as created_at`;

function toArtist(row: ArtistRow): Artist {
  return {
    artistId: row.artist_id,
    orgId: row.org_id,
    name: row.name,
    isni: row.isni,
    ipi: row.ipi,
    country: row.country,
    bio: row.bio,
    releaseCount: row.release_count,
    createdAt: row.created_at,
  };
}

/** The artists area's read side: an organisation's artists with how many releases each has. */
@Injectable()
export class ArtistsQueries {
  constructor(@Inject(KernelDatabase) private readonly db: KernelDatabase) {}

  /** The organisation's artists by name, a cursor page at a time. */
  async list(orgId: string, cursor: string | undefined, limit: number): Promise<Page<Artist>> {
    const params: unknown[] = [orgId];
    let after = '';
    if (cursor !== undefined) {
      const [name, artistId] = decodeCursor(cursor, ['s', 's'] as const);
      params.push(name, artistId);
      after = 'and (a.name_text, a.artist_id) > ($2, $3)';
    }
    params.push(limit + 1);
    const rows = await this.db.query<ArtistRow>(
      `select ${COLUMNS} from catalog.artists a where a.org_id = $1 ${after}
        order by a.name_text, a.artist_id limit $${params.length}`,
      params,
    );
    return keysetPage(rows, limit, toArtist, (last) => encodeCursor([last.name_text, last.artist_id]));
  }

  /** One artist of the organisation; CATALOG.ARTIST_NOT_FOUND (404) otherwise. */
  async artist(orgId: string, artistId: string): Promise<Artist> {
    const rows = await this.db.query<ArtistRow>(
      `select ${COLUMNS} from catalog.artists a where a.org_id = $1 and a.artist_id = $2`,
      [orgId, artistId],
    );
    const row = rows[0];
    if (row === undefined) throw artistNotFound();
    return toArtist(row);
  }
}
