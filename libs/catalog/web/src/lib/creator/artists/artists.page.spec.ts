import { type HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  answerOrganisations,
  artist,
  buttonNamed,
  CATALOG,
  errorOf,
  fail,
  fieldLabelled,
  find,
  hasButton,
  nextRequest,
  organisation,
  problem,
  setUpCatalogPage,
  textOf,
  type,
  until,
} from '../../shared/testing/catalog-testing';
import { ArtistsPageComponent } from './artists.page';

describe('the artists page', () => {
  let fixture: ComponentFixture<ArtistsPageComponent>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function start(role: Parameters<typeof organisation>[0] = 'editor'): Promise<void> {
    http = setUpCatalogPage();
    fixture = TestBed.createComponent(ArtistsPageComponent);
    element = fixture.nativeElement as HTMLElement;
    await answerOrganisations(http, [organisation(role)]);
  }

  async function answerList(artists = [artist()]): Promise<void> {
    (await nextRequest(http, { method: 'GET', url: `${CATALOG}/artists` })).flush({
      items: artists,
      nextCursor: null,
    });
    await until('the list shows', () => !textOf(element).includes('Loading artists'));
    await fixture.whenStable();
  }

  afterEach(() => {
    localStorage.clear();
    http.verify();
  });

  it('lists the artists with their translations and identifiers', async () => {
    await start();
    await answerList([
      artist({
        name: {
          text: '宇多田ヒカル',
          language: 'ja',
          translations: [{ language: 'ja-Latn', text: 'Utada Hikaru' }],
        },
        ipi: '00052210040',
        country: 'JP',
        releaseCount: 4,
      }),
    ]);
    const row = find(element, 'tr[data-artist="art-1"]');
    expect(textOf(row)).toContain('宇多田ヒカル');
    expect(textOf(row)).toContain('Utada Hikaru (ja-Latn)');
    expect(textOf(row)).toContain('0000 0001 2103 268X');
    expect(textOf(row)).toContain('00052210040');
    expect(textOf(row)).toContain('JP');
  });

  it('creates an artist with a transliterated name', async () => {
    await start();
    await answerList([]);
    expect(textOf(element)).toContain('No artists yet');
    buttonNamed(element, 'New artist').click();
    await fixture.whenStable();
    type(fieldLabelled(element, 'Name'), 'Кино');
    type(fieldLabelled(element, 'Name language'), 'ru');
    buttonNamed(element, 'Add a translation of Name').click();
    await fixture.whenStable();
    type(fieldLabelled(element, 'Name translation 1 language'), 'ru-Latn');
    type(fieldLabelled(element, 'Name translation 1'), 'Kino');
    type(fieldLabelled(element, 'ISNI'), '000000012103268x');
    fieldLabelled(element, 'ISNI').dispatchEvent(new Event('blur'));
    type(fieldLabelled(element, 'Country'), 'ru');
    buttonNamed(element, 'Create artist').click();
    const create = await nextRequest(http, { method: 'POST', url: `${CATALOG}/artists` });
    expect(create.request.body).toEqual({
      name: { text: 'Кино', language: 'ru', translations: [{ language: 'ru-Latn', text: 'Kino' }] },
      isni: '0000 0001 2103 268X',
      ipi: null,
      country: 'RU',
      bio: null,
    });
    create.flush(artist({ artistId: 'art-2', name: { text: 'Кино', language: 'ru', translations: [] } }));
    (await nextRequest(http, { method: 'GET', url: `${CATALOG}/artists` })).flush([
      artist({ artistId: 'art-2' }),
    ]);
    await until('the notice shows', () => textOf(element).includes('was created.'));
    expect(element.querySelector('bs-artist-form')).toBeNull();
  });

  it("edits an artist and shows the api's field errors on the fields", async () => {
    await start();
    await answerList();
    buttonNamed(element, 'Edit Aurora Lane').click();
    await fixture.whenStable();
    expect(fieldLabelled(element, 'Name').value).toBe('Aurora Lane');
    type(fieldLabelled(element, 'IPI'), '123');
    buttonNamed(element, 'Save artist').click();
    const update = await nextRequest(http, { method: 'PATCH', url: `${CATALOG}/artists/art-1` });
    expect(update.request.body).toMatchObject({ ipi: '123', isni: '0000 0001 2103 268X' });
    fail(
      update,
      problem(422, 'CATALOG.INVALID_IPI', 'The artist has invalid fields.', [
        { field: 'ipi', code: 'CATALOG.INVALID_IPI', message: 'An IPI name number has 11 digits.' },
        {
          field: 'name.translations.0.language',
          code: 'CATALOG.INVALID_LANGUAGE',
          message: 'No such language.',
        },
      ]),
    );
    await until('the error shows', () => errorOf(fieldLabelled(element, 'IPI')) !== '');
    expect(errorOf(fieldLabelled(element, 'IPI'))).toBe('An IPI name number has 11 digits.');
    expect(textOf(element.querySelector('bs-problem-alert'))).toContain('No such language.');
    buttonNamed(element, 'Cancel').click();
    await fixture.whenStable();
    expect(element.querySelector('bs-artist-form')).toBeNull();
  });

  it('lets a reader only look', async () => {
    await start('reader');
    await answerList();
    expect(hasButton(element, 'New artist')).toBe(false);
    expect(hasButton(element, 'Edit Aurora Lane')).toBe(false);
  });

  it('shows a list that cannot be loaded', async () => {
    await start();
    fail(
      await nextRequest(http, { url: `${CATALOG}/artists` }),
      problem(403, 'ACCESS.FORBIDDEN', 'You may not see this catalog.'),
    );
    await until('the problem shows', () => textOf(element).includes('You may not see this catalog.'));
  });
});
