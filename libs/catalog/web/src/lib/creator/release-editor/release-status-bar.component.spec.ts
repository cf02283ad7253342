import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type ReleaseDetail } from '@bandstand/catalog/contracts';
import { releaseDetail, spokenText } from '../../shared/testing/catalog-testing';
import { type ReleaseAction, ReleaseStatusBarComponent } from './release-status-bar.component';

async function actionsFor(
  release: ReleaseDetail | null,
  permissions: { canWrite: boolean; canPublish: boolean },
): Promise<string[]> {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  const fixture = TestBed.createComponent(ReleaseStatusBarComponent);
  fixture.componentRef.setInput('release', release);
  fixture.componentRef.setInput('canWrite', permissions.canWrite);
  fixture.componentRef.setInput('canPublish', permissions.canPublish);
  await fixture.whenStable();
  return [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].map((button) =>
    spokenText(button),
  );
}

const OWNER = { canWrite: true, canPublish: true };
const EDITOR = { canWrite: true, canPublish: false };

describe('the release status bar', () => {
  it('offers each status its own actions for someone who may publish', async () => {
    expect(await actionsFor(releaseDetail({ status: 'draft', version: 0 }), OWNER)).toEqual([
      'Save draft',
      'Publish version',
      'Schedule…',
      'Delete draft',
    ]);
    TestBed.resetTestingModule();
    expect(
      await actionsFor(releaseDetail({ status: 'scheduled', version: 1, hasDraftChanges: false }), OWNER),
    ).toEqual(['Save draft', 'Reschedule…', 'Unschedule', 'Release now', 'Export ERN']);
    TestBed.resetTestingModule();
    expect(
      await actionsFor(releaseDetail({ status: 'released', version: 2, hasDraftChanges: true }), OWNER),
    ).toEqual(['Save draft', 'Publish version', 'Take down', 'Export ERN']);
    TestBed.resetTestingModule();
    expect(
      await actionsFor(releaseDetail({ status: 'taken-down', version: 2, hasDraftChanges: true }), OWNER),
    ).toEqual(['Save draft', 'Reinstate', 'Export ERN']);
  });

  it('leaves an editor to save drafts, and a new release only to be saved', async () => {
    expect(await actionsFor(releaseDetail({ status: 'released', version: 1 }), EDITOR)).toEqual([
      'Save draft',
      'Export ERN',
    ]);
    TestBed.resetTestingModule();
    expect(await actionsFor(null, OWNER)).toEqual(['Save draft']);
  });

  it('emits the action chosen', async () => {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
    const fixture = TestBed.createComponent(ReleaseStatusBarComponent);
    fixture.componentRef.setInput('release', releaseDetail({ status: 'scheduled', version: 1 }));
    fixture.componentRef.setInput('canPublish', true);
    const chosen: ReleaseAction[] = [];
    fixture.componentInstance.act.subscribe((action) => chosen.push(action));
    await fixture.whenStable();
    const buttons = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')];
    buttons.find((button) => spokenText(button) === 'Release now')?.click();
    expect(chosen).toEqual(['release-now']);
  });
});
