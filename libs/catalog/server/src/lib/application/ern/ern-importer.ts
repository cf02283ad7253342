import { Inject, Injectable } from '@nestjs/common';
import { type FieldError } from '@bandstand/shared/contracts';
import { KERNEL_CLOCK, KernelDatabase, type KernelClock } from '@bandstand/shared/event-store';
import { CATALOG_ERROR_CODES, type ImportFile, type ReleaseDraft } from '@bandstand/catalog/contracts';
import {
  CatalogError,
  checkGtin,
  checkIsni,
  mergeImportedDraft,
  parseArtistProfile,
  parseReleaseDraft,
} from '@bandstand/catalog/domain';
import { readXml, XmlReadError } from '../../infrastructure/xml/xml-reader';
import {
  type CatalogImporter,
  type PlanDraft,
  type PlanProposal,
  type ProposedArtist,
} from '../plans/plan-proposal';
import {
  elementPathOf,
  ernDraftInput,
  type ErnParty,
  type ErnRelease,
  isCatalogCode,
  mapErnMessage,
} from './ern-message.mapper';

interface ArtistRow {
  readonly artist_id: string;
  readonly name_text: string;
  readonly isni: string | null;
}

interface ReleaseRow {
  readonly release_id: string;
  readonly upc: string;
  readonly revision: number;
  readonly draft: ReleaseDraft;
}

function normalisedIsni(party: ErnParty): string | null {
  if (party.isni === null) return null;
  const checked = checkIsni(party.isni);
  return checked.ok ? checked.value : null;
}

function normalisedUpc(release: ErnRelease): string | null {
  if (release.upc === null) return null;
  const checked = checkGtin(release.upc);
  return checked.ok ? checked.value : null;
}

/** The key of an artist an import proposes: one new artist per ISNI, else per name (case-insensitive). */
function artistKey(party: ErnParty): string {
  return normalisedIsni(party) ?? `name:${(party.name ?? '').toLowerCase()}`;
}

/**
 * Reads DDEX ERN 4.3 NewReleaseMessages, one release per file: each release is matched to the
 * organisation's release with the same UPC (its draft merged with the import, at its revision) or
 * proposed as new; credited parties are matched to the organisation's artists by ISNI, then by name,
 * and a main artist the organisation does not have is proposed as a new artist. A file that is not
 * well-formed, breaks a limit or is not a usable ERN message fails the whole import (422 naming the
 * file and element); a release whose metadata is invalid becomes a plan error on its element.
 */
@Injectable()
export class ErnImporter implements CatalogImporter {
  constructor(
    @Inject(KernelDatabase) private readonly db: KernelDatabase,
    @Inject(KERNEL_CLOCK) private readonly clock: KernelClock,
  ) {}

  async plan(orgId: string, files: readonly ImportFile[]): Promise<PlanDraft> {
    const releases = this.read(files);
    const artists = await this.artistsOf(orgId, releases);
    const existing = await this.releasesOf(orgId, releases);
    const errors: FieldError[] = [];
    const proposals: PlanProposal[] = [];
    const newArtists = new Map<string, ProposedArtist>();
    const upcFiles = new Map<string, string>();

    for (const release of releases) {
      const field = (path: string): string => `${release.fileName}:${path}`;
      const upc = normalisedUpc(release);
      if (upc !== null) {
        const earlier = upcFiles.get(upc);
        if (earlier !== undefined) {
          errors.push({
            field: field(elementPathOf(release, 'upc')),
            code: CATALOG_ERROR_CODES.duplicateUpc,
            message: `The UPC ${upc} is also imported by ${earlier}`,
          });
          continue;
        }
        upcFiles.set(upc, release.fileName);
      }
      const mainArtists = new Set(release.mainArtists.map((party) => party.reference));
      const artistIdOf = (party: ErnParty): string | null => {
        const isni = normalisedIsni(party);
        const matched =
          (isni === null ? undefined : artists.byIsni.get(isni)) ??
          artists.byName.get((party.name ?? '').toLowerCase());
        if (matched !== undefined) return matched;
        const key = artistKey(party);
        const proposed = newArtists.get(key);
        if (proposed !== undefined) return proposed.artistId;
        if (!mainArtists.has(party.reference)) return null;
        const profile = parseArtistProfile({ name: party.name, isni: party.isni, ipi: party.ipi });
        if (!profile.ok) {
          for (const error of profile.errors) {
            const path =
              error.field === 'isni' ? party.isniPath : error.field === 'ipi' ? party.ipiPath : party.path;
            errors.push({ ...error, field: field(path) });
          }
          return null;
        }
        const artistId = this.clock.newId();
        newArtists.set(key, { artistId, profile: profile.value });
        return artistId;
      };
      const input = ernDraftInput(release, artistIdOf);
      const current = upc === null ? undefined : existing.get(upc);
      const parsed = parseReleaseDraft(input, {
        previous: current?.draft ?? null,
        newId: () => this.clock.newId(),
      });
      if (!parsed.ok) {
        errors.push(
          ...parsed.errors.map((error) => ({ ...error, field: field(elementPathOf(release, error.field)) })),
        );
        continue;
      }
      proposals.push({
        releaseId: current?.release_id ?? null,
        expectedRevision: current?.revision ?? null,
        draft: current === undefined ? parsed.value : mergeImportedDraft(current.draft, parsed.value),
        source: field(release.path),
      });
    }
    return { proposals, newArtists: [...newArtists.values()], errors };
  }

  /** Every file read and mapped, or one 422 listing the problems of every file. */
  private read(files: readonly ImportFile[]): ErnRelease[] {
    const problems: FieldError[] = [];
    const releases: ErnRelease[] = [];
    for (const file of files) {
      try {
        releases.push(mapErnMessage(readXml(file.content), file.name));
      } catch (error) {
        if (error instanceof XmlReadError) {
          problems.push({
            field: `${file.name}:${error.path}`,
            code: CATALOG_ERROR_CODES.invalidXml,
            message: error.message,
          });
        } else if (error instanceof CatalogError && error.fieldErrors !== undefined) {
          problems.push(...error.fieldErrors);
        } else {
          throw error;
        }
      }
    }
    const [first] = problems;
    if (first !== undefined) {
      const code = isCatalogCode(first.code) ? first.code : CATALOG_ERROR_CODES.invalidErn;
      throw new CatalogError(code, `${first.field}: ${first.message}`, {
        status: 422,
        field: first.field,
        errors: problems,
      });
    }
    return releases;
  }

  /** The organisation's artists a credited party may be: by normalised ISNI and by lower-cased name. */
  private async artistsOf(
    orgId: string,
    releases: readonly ErnRelease[],
  ): Promise<{ byIsni: Map<string, string>; byName: Map<string, string> }> {
    const parties = releases.flatMap((release) => [
      ...release.credits.map((credit) => credit.party),
      ...release.tracks.flatMap((track) => track.credits.map((credit) => credit.party)),
    ]);
    const isnis = [...new Set(parties.flatMap((party) => normalisedIsni(party) ?? []))];
    const names = [
      ...new Set(parties.flatMap((party) => (party.name === null ? [] : [party.name.toLowerCase()]))),
    ];
    const rows =
      parties.length === 0
        ? []
        : await this.db.query<ArtistRow>(
            `select artist_id, name_text, isni from catalog.artists
              where org_id = $1 and (isni = any($2::text[]) or lower(name_text) = any($3::text[]))
              order by created_at, artist_id`,
            [orgId, isnis, names],
          );
    const byIsni = new Map<string, string>();
    const byName = new Map<string, string>();
    for (const row of rows) {
      if (row.isni !== null && !byIsni.has(row.isni)) byIsni.set(row.isni, row.artist_id);
      const name = row.name_text.toLowerCase();
      if (!byName.has(name)) byName.set(name, row.artist_id);
    }
    return { byIsni, byName };
  }

  /** The organisation's releases with the UPCs the import carries. */
  private async releasesOf(orgId: string, releases: readonly ErnRelease[]): Promise<Map<string, ReleaseRow>> {
    const upcs = [...new Set(releases.flatMap((release) => normalisedUpc(release) ?? []))];
    if (upcs.length === 0) return new Map();
    const rows = await this.db.query<ReleaseRow>(
      `select release_id, upc, revision, draft from catalog.releases where org_id = $1 and upc = any($2::text[])`,
      [orgId, upcs],
    );
    return new Map(rows.map((row) => [row.upc, row]));
  }
}
