import {
  type Artist,
  type PublicArtist,
  type PublicRelease,
  type PublicReleaseSummary,
  type ReleaseDetail,
  type ReleaseDraftInput,
  TERRITORY_HEADER,
} from '@bandstand/catalog/contracts';
import { type Organisation, type SignInResponse } from '@bandstand/identity/contracts';
import { type Page, type ProblemDetails } from '@bandstand/shared/contracts';
import { type ApiStack, eventually, startApiStack, waitForMailLink } from '@bandstand/shared/testing';

// The public catalog on the built api and worker: a draft is not there for fans, a release is once
// it is out, and an embargo keeps it out of one territory (the edge's territory header) only.

const CREATOR = {
  email: 'ana@nightowls.example',
  password: 'a long label owner passphrase 21',
  displayName: 'Ana',
};

/** A complete draft (everything scheduling needs), with its own UPC and ISRC. */
function draft(artistId: string, title: string, upc: string, isrc: string): ReleaseDraftInput {
  return {
    type: 'single',
    title,
    displayArtist: 'Aurora Lane',
    artistIds: [artistId],
    upc,
    labelName: 'Night Owls',
    genre: 'Electronic',
    pLine: { year: 2027, owner: 'Night Owls' },
    cLine: { year: 2027, owner: 'Night Owls' },
    tracks: [
      {
        title,
        isrc,
        durationMs: 201_000,
        displayArtist: 'Aurora Lane',
        contributors: [{ name: 'Mara Quell', roles: ['composer'] }],
      },
    ],
  };
}

describe('the public catalog on the built api and worker', () => {
  let stack: ApiStack;
  let token: string;
  let orgId: string;
  let artistId: string;

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${stack.api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function ok<T>(response: Response): Promise<T> {
    if (!response.ok)
      throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** A fan's request: no session, in `territory` when given (as the edge would say). */
  function fan(path: string, territory?: string): Promise<Response> {
    return fetch(`${stack.api.url}/api/v1/catalog/${path}`, {
      headers: territory === undefined ? {} : { [TERRITORY_HEADER]: territory },
    });
  }

  async function createRelease(title: string, upc: string, isrc: string): Promise<ReleaseDetail> {
    return ok<ReleaseDetail>(
      await call('POST', `/api/v1/orgs/${orgId}/catalog/releases`, {
        draft: draft(artistId, title, upc, isrc),
      }),
    );
  }

  async function status(response: Response): Promise<number> {
    await response.arrayBuffer();
    return response.status;
  }

  beforeAll(async () => {
    stack = await startApiStack({
      worker: true,
      env: { CATALOG_TRUST_TERRITORY_HEADER: 'true', CATALOG_DEFAULT_TERRITORY: 'US' },
    });
    const signUp = await fetch(`${stack.api.url}/api/v1/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...CREATOR, console: 'creator' }),
    });
    expect(signUp.status).toBe(202);
    const link = await waitForMailLink(stack.mailDir, CREATOR.email, /confirm|verify/i, stack.api.url);
    const verified = await fetch(`${stack.api.url}/api/v1/auth/verify-email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: new URL(link).searchParams.get('token') }),
    });
    token = (await ok<SignInResponse>(verified)).accessToken;
    orgId = (
      await ok<Organisation>(await call('POST', '/api/v1/orgs', { name: 'Night Owls', kind: 'label' }))
    ).orgId;
    artistId = (
      await ok<Artist>(
        await call('POST', `/api/v1/orgs/${orgId}/catalog/artists`, { name: 'Aurora Lane', country: 'NO' }),
      )
    ).artistId;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 404 for a draft and shows the release once it is out', async () => {
    const release = await createRelease('First Light', '012345678905', 'NOAB12700001');
    const path = `/api/v1/orgs/${orgId}/catalog/releases/${release.releaseId}`;
    const hidden = await fan(`releases/${release.releaseId}`);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as ProblemDetails).code).toBe('CATALOG.RELEASE_NOT_FOUND');
    expect(hidden.headers.get('vary')).toContain(TERRITORY_HEADER);
    const unknown = (await (await fan('releases/no-such-release')).json()) as ProblemDetails;
    expect(unknown.code).toBe('CATALOG.RELEASE_NOT_FOUND');

    // Published and scheduled for tomorrow: still nothing for fans.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await ok(await call('PUT', `${path}/schedule`, { releaseAt: tomorrow }));
    expect(await status(await fan(`releases/${release.releaseId}`))).toBe(404);
    expect(await status(await fan(`artists/${artistId}`))).toBe(404);

    await ok(await call('POST', `${path}/release`));
    const shown = await ok<PublicRelease>(await fan(`releases/${release.releaseId}`, 'FR'));
    expect(shown).toMatchObject({
      releaseId: release.releaseId,
      title: { text: 'First Light' },
      territory: 'FR',
      territories: ['WW'],
      tracks: [{ isrc: 'NOAB12700001', contributors: [{ name: 'Mara Quell', roles: ['composer'] }] }],
    });
    const listed = await ok<Page<PublicReleaseSummary>>(await fan('releases'));
    expect(listed.items.map((item) => item.releaseId)).toContain(release.releaseId);
    const artist = await ok<PublicArtist>(await fan(`artists/${artistId}`));
    expect(artist.releases.map((item) => item.releaseId)).toEqual([release.releaseId]);
  });

  it('keeps a release out of a territory during its embargo there, and only there', async () => {
    const release = await createRelease('Northern Pull', '012345678912', 'NOAB12700002');
    const path = `/api/v1/orgs/${orgId}/catalog/releases/${release.releaseId}`;
    const start = Date.now();
    const at = (seconds: number): string => new Date(start + seconds * 1000).toISOString();
    await ok(
      await call('PUT', `${path}/schedule`, {
        releaseAt: at(3),
        embargoes: [{ territory: 'DE', from: at(5), until: at(8), reason: 'Rights in Germany pending' }],
      }),
    );
    const visibleIn = async (territory: string): Promise<boolean> =>
      (await status(await fan(`releases/${release.releaseId}`, territory))) === 200;
    expect([await visibleIn('FR'), await visibleIn('DE')]).toEqual([false, false]);
    await eventually(async () => expect(await visibleIn('FR')).toBe(true), 10_000, 100);
    // Into the embargo (it starts 5 s in), with room for a slow request.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + 5_500 - Date.now())));
    expect([await visibleIn('FR'), await visibleIn('DE'), await visibleIn('US')]).toEqual([
      true,
      false,
      true,
    ]);
    // Without the header the viewer is in CATALOG_DEFAULT_TERRITORY (US), outside the embargo.
    expect(await status(await fan(`releases/${release.releaseId}`))).toBe(200);
    await eventually(async () => expect(await visibleIn('DE')).toBe(true), 10_000, 100);
    expect(Date.now()).toBeGreaterThanOrEqual(start + 8_000);
  });
});
