import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormArray } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import {
  artist,
  buttonNamed,
  choose,
  fieldLabelled,
  formFieldLabelled,
  type,
} from '../../shared/testing/catalog-testing';
import { ContributorsEditorComponent } from './contributors-editor.component';
import { type ContributorForm, contributorValue } from './release-form';

describe('the credits editor', () => {
  it('adds credits, fills a linked artist into blank fields, asks a performer for the instrument, and removes credits', async () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideNoopAnimations()],
    });
    const fixture = TestBed.createComponent(ContributorsEditorComponent);
    const credits = new FormArray<ContributorForm>([]);
    fixture.componentRef.setInput('contributors', credits);
    fixture.componentRef.setInput('artists', [artist({ ipi: '00052210040' })]);
    fixture.componentRef.setInput('label', 'Credit');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    buttonNamed(element, 'Add credit').click();
    await fixture.whenStable();
    await choose(formFieldLabelled(element, 'Credit 1 artist'), 'Aurora Lane');
    await fixture.whenStable();
    expect(fieldLabelled(element, 'Credit 1 name').value).toBe('Aurora Lane');
    expect(fieldLabelled(element, 'Credit 1 ISNI').value).toBe('0000 0001 2103 268X');

    buttonNamed(element, 'Add credit').click();
    await fixture.whenStable();
    type(fieldLabelled(element, 'Credit 2 name'), 'Kestrel');
    await choose(formFieldLabelled(element, 'Credit 2 roles'), 'performer');
    await fixture.whenStable();
    type(fieldLabelled(element, 'Credit 2 instrument'), 'Piano');
    expect(credits.controls.map(contributorValue)).toEqual([
      {
        name: 'Aurora Lane',
        artistId: 'art-1',
        roles: ['main-artist'],
        isni: '0000 0001 2103 268X',
        ipi: '00052210040',
        instrument: null,
      },
      {
        name: 'Kestrel',
        artistId: null,
        roles: ['main-artist', 'performer'],
        isni: null,
        ipi: null,
        instrument: 'Piano',
      },
    ]);

    buttonNamed(element, 'Remove Credit 1').click();
    await fixture.whenStable();
    expect(credits.length).toBe(1);
    expect(fieldLabelled(element, 'Credit 1 name').value).toBe('Kestrel');
  });
});
