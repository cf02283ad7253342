import { type FieldError } from '@bandstand/shared/contracts';
import { type ImportFile, type ReleaseDraft } from '@bandstand/catalog/contracts';
import { type ArtistProfile } from '@bandstand/catalog/domain';

/** What a batch edit or an import proposes for one release. */
export interface PlanProposal {
  /** The release to revise; null creates one (its id is drawn when the plan is stored). */
  readonly releaseId: string | null;
  /** The draft revision read when previewing: applying refuses a release revised since (CATALOG.PLAN_STALE). */
  readonly expectedRevision: number | null;
  /** The complete draft after the change, parsed and normalised. */
  readonly draft: ReleaseDraft;
  /** Where it came from, for the preview: `rows 2–14`, `album.xml:/NewReleaseMessage`. */
  readonly source: string | null;
}

/** An artist an import needs that the organisation does not have yet: created first when applying. */
export interface ProposedArtist {
  /** Drawn by the importer; the proposals' drafts refer to it in `artistIds`. */
  readonly artistId: string;
  readonly profile: ArtistProfile;
}

/** What an importer or a batch edit worked out, before it is stored as a plan. */
export interface PlanDraft {
  readonly proposals: readonly PlanProposal[];
  readonly newArtists: readonly ProposedArtist[];
  /** Row or element errors; a plan with any cannot be applied. */
  readonly errors: readonly FieldError[];
}

/** Turns uploaded files of one format into a {@link PlanDraft} for an organisation. */
export interface CatalogImporter {
  plan(orgId: string, files: readonly ImportFile[]): Promise<PlanDraft>;
}

/** The DDEX ERN importer (ern area), used by the imports endpoint for `format: 'ern'`. */
export const ERN_IMPORTER = Symbol('ERN_IMPORTER');
