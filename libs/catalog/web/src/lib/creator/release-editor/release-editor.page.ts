import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { Router } from '@angular/router';
import {
  CATALOG_ERROR_CODES,
  type ReleaseComparison,
  type ReleaseDetail,
  type ScheduleReleaseRequest,
} from '@bandstand/catalog/contracts';
import { ORGS_PATH, type TeamMember } from '@bandstand/identity/contracts';
import { type FieldError } from '@bandstand/shared/contracts';
import {
  applyProblemToForm,
  ConfirmDialogComponent,
  type ConfirmDialogData,
  ErrorStateComponent,
  LoadingStateComponent,
  ProblemAlertComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { catchError, firstValueFrom, map, type Observable, of } from 'rxjs';
import { ActiveOrganisation } from '../../shared/data/active-organisation';
import { ArtworkUrls, saveBlob } from '../../shared/data/blob-urls';
import { CatalogClient } from '../../shared/data/catalog.client';
import { type ListBody, listItems } from '../../shared/data/list-body';
import { displayText, formatDuration } from '../../shared/format/catalog-display';
import { OrgScopeComponent } from '../../shared/ui/org-scope.component';
import { PageHeadingComponent } from '../../shared/ui/page-heading.component';
import { revalidate } from '../../shared/ui/revalidate';
import { StaleAlertComponent } from '../../shared/ui/stale-alert.component';
import { TextPromptDialogComponent, type TextPromptData } from '../../shared/ui/text-prompt.dialog';
import { type CompareRequest, ReleaseHistoryComponent } from './release-history.component';
import { ReleaseMetadataComponent } from './release-metadata.component';
import { draftInput, type ReleaseEditorForm, releaseEditorForm, underDraft } from './release-form';
import { type ReleaseAction, ReleaseStatusBarComponent } from './release-status-bar.component';
import { SchedulePanelComponent } from './schedule-panel.component';
import { type TrackAudio, TracksEditorComponent } from './tracks-editor.component';

/** Where a failure is shown. */
type Area = 'save' | 'action' | 'schedule' | 'artwork' | 'audio' | 'compare';

/** The tabs, in order. */
const TABS = { metadata: 0, schedule: 1, history: 2 } as const;

/**
 * A release's editor: its metadata and tracks as a draft saved with the revision it was read at,
 * the lifecycle actions its status and the viewer's role allow, its schedule with territories
 * and embargoes, and its versions and history. At `catalog/releases/new` it creates a release.
 */
@Component({
  selector: 'bs-release-editor-page',
  imports: [
    MatCard,
    MatCardContent,
    MatTabGroup,
    MatTab,
    ErrorStateComponent,
    LoadingStateComponent,
    OrgScopeComponent,
    PageHeadingComponent,
    StaleAlertComponent,
    ProblemAlertComponent,
    ReleaseStatusBarComponent,
    ReleaseMetadataComponent,
    TracksEditorComponent,
    SchedulePanelComponent,
    ReleaseHistoryComponent,
  ],
  providers: [ActiveOrganisation, ArtworkUrls],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './release-editor.page.html',
  styleUrl: '../../shared/ui/catalog-page.scss',
  styles: `
    .bs-editor-body {
      display: grid;
      gap: 16px;
      padding-top: 16px;
    }
  `,
})
export class ReleaseEditorPageComponent {
  /** Bound from the route; absent at `catalog/releases/new`. */
  readonly releaseId = input<string | undefined>(undefined);

  private readonly client = inject(CatalogClient);
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  protected readonly org = inject(ActiveOrganisation);
  protected readonly artwork = inject(ArtworkUrls);

  protected readonly tabs = TABS;
  protected readonly isNew = computed(() => this.releaseId() === undefined);
  protected readonly canWrite = computed(() => this.org.can('catalog.write'));
  protected readonly canPublish = computed(() => this.org.can('catalog.publish'));

  protected readonly release = rxResource({
    params: () => {
      const orgId = this.org.orgId();
      const releaseId = this.releaseId();
      return orgId === null || releaseId === undefined ? undefined : { orgId, releaseId };
    },
    stream: ({ params }) => this.client.release(params.orgId, params.releaseId),
  });
  protected readonly detail = computed<ReleaseDetail | null>(() =>
    this.release.hasValue() ? this.release.value() : null,
  );
  protected readonly loadProblem = computed(() => {
    const error = this.release.error();
    return error === undefined ? null : problemFromError(error);
  });

  /** A fresh form for each state of the release read from the api (and one for a new release). */
  protected readonly form = computed<ReleaseEditorForm | null>(() => {
    if (this.isNew()) return releaseEditorForm();
    const detail = this.detail();
    return detail === null ? null : releaseEditorForm(detail.draft);
  });

  protected readonly artists = rxResource({
    params: () => this.org.orgId() ?? undefined,
    stream: ({ params: orgId }) => this.client.artists(orgId),
  });
  protected readonly artistList = computed(() => (this.artists.hasValue() ? this.artists.value() : []));

  protected readonly history = rxResource({
    params: () => {
      const orgId = this.org.orgId();
      const detail = this.detail();
      return orgId === null || detail === null
        ? undefined
        : {
            orgId,
            releaseId: detail.releaseId,
            revision: detail.revision,
            status: detail.status,
            version: detail.version,
          };
    },
    stream: ({ params }) => this.client.history(params.orgId, params.releaseId),
  });
  protected readonly historyEntries = computed(() => (this.history.hasValue() ? this.history.value() : null));
  protected readonly historyProblem = computed(() => {
    const error = this.history.error();
    return error === undefined ? null : problemFromError(error);
  });

  /** Display names of the organisation's members, to say who did what; unnamed when unavailable. */
  private readonly members = rxResource({
    params: () => this.org.orgId() ?? undefined,
    stream: ({ params: orgId }) =>
      this.http.get<ListBody<TeamMember>>(`${ORGS_PATH}/${encodeURIComponent(orgId)}/members`).pipe(
        map((body) =>
          Object.fromEntries(listItems(body).map((member) => [member.userId, member.displayName])),
        ),
        catchError(() => of({})),
      ),
  });
  protected readonly names = computed<Readonly<Record<string, string>>>(() =>
    this.members.hasValue() ? this.members.value() : {},
  );

  protected readonly tab = signal<number>(TABS.metadata);
  protected readonly dirty = signal(false);
  protected readonly busy = signal<Area | null>(null);
  protected readonly problems = signal<Partial<Record<Area, ShownProblem>>>({});
  protected readonly unmatched = signal<readonly FieldError[]>([]);
  protected readonly stale = signal(false);
  protected readonly notice = signal('');
  protected readonly uploadingTrack = signal<number | null>(null);
  protected readonly artworkAssetId = signal<string | null>(null);
  protected readonly comparison = signal<ReleaseComparison | null>(null);

  protected readonly artworkUrl = computed(() => {
    const assetId = this.artworkAssetId();
    return assetId === null ? null : (this.artwork.all()[assetId] ?? null);
  });
  protected readonly title = computed(() => {
    const detail = this.detail();
    return this.isNew() ? 'New release' : detail === null ? 'Release' : displayText(detail.draft.title);
  });

  constructor() {
    effect((onCleanup) => {
      const form = this.form();
      this.dirty.set(false);
      this.artworkAssetId.set(form?.controls.draft.controls.artworkAssetId.value ?? null);
      if (form === null) return;
      const changes = form.valueChanges.subscribe(() => this.dirty.set(true));
      onCleanup(() => changes.unsubscribe());
    });
    // Whoever may not write reads the form; the role is known only once the organisations are.
    effect(() => {
      const form = this.form();
      if (form === null) return;
      if (this.canWrite()) form.enable({ emitEvent: false });
      else form.disable({ emitEvent: false });
    });
    effect(() => {
      const orgId = this.org.orgId();
      const assetId = this.artworkAssetId();
      if (orgId !== null && assetId !== null) this.artwork.load(orgId, [assetId]);
    });
  }

  protected problemIn(area: Area): ShownProblem | null {
    return this.problems()[area] ?? null;
  }

  protected async act(action: ReleaseAction): Promise<void> {
    switch (action) {
      case 'save':
        return this.save();
      case 'schedule':
        this.tab.set(TABS.schedule);
        return;
      case 'publish':
        return this.publish();
      case 'unschedule':
        return this.confirmed(
          {
            title: 'Unschedule this release?',
            message: 'It goes back to draft and will not go out at the scheduled moment.',
            confirmLabel: 'Unschedule',
          },
          (orgId, releaseId) => this.client.unschedule(orgId, releaseId),
          'The release is no longer scheduled.',
        );
      case 'release-now':
        return this.confirmed(
          {
            title: 'Release now?',
            message:
              'The newest published version becomes visible to fans at once, wherever the territories and embargoes allow.',
            confirmLabel: 'Release now',
          },
          (orgId, releaseId) => this.client.releaseNow(orgId, releaseId),
          'The release is out.',
        );
      case 'take-down':
        return this.takeDown();
      case 'reinstate':
        return this.confirmed(
          {
            title: 'Reinstate this release?',
            message: 'It returns to the status it had before it was taken down.',
            confirmLabel: 'Reinstate',
          },
          (orgId, releaseId) => this.client.reinstate(orgId, releaseId),
          'The release was reinstated.',
        );
      case 'delete':
        return this.deleteDraft();
      case 'export-ern':
        return this.exportErn();
    }
  }

  protected async save(): Promise<void> {
    const form = this.form();
    const orgId = this.org.orgId();
    if (form === null || orgId === null) return;
    revalidate(form);
    if (form.invalid) {
      form.markAllAsTouched();
      this.tab.set(TABS.metadata);
      this.notice.set('Some fields need attention before the draft can be saved.');
      return;
    }
    this.unmatched.set([]);
    this.stale.set(false);
    await this.run(
      'save',
      async () => {
        const draft = draftInput(form.controls.draft);
        const detail = this.detail();
        if (detail === null) {
          const created = await firstValueFrom(this.client.createRelease(orgId, { draft }));
          await this.router.navigate(['/catalog/releases', created.releaseId], { replaceUrl: true });
          return;
        }
        this.release.set(
          await firstValueFrom(
            this.client.reviseDraft(orgId, detail.releaseId, { expectedRevision: detail.revision, draft }),
          ),
        );
        this.notice.set('The draft was saved.');
      },
      (problem) => {
        if (problem.code === CATALOG_ERROR_CODES.staleRevision) {
          this.stale.set(true);
          return;
        }
        this.tab.set(TABS.metadata);
        this.unmatched.set(applyProblemToForm(form, underDraft(form, problem)));
      },
    );
  }

  protected reloadStale(): void {
    this.stale.set(false);
    this.problems.update((current) => ({ ...current, save: undefined }));
    this.release.reload();
  }

  protected async schedule(request: ScheduleReleaseRequest): Promise<void> {
    const detail = this.detail();
    const form = this.form();
    const orgId = this.org.orgId();
    if (detail === null || orgId === null || form === null) return;
    await this.run(
      'schedule',
      async () => {
        this.release.set(await firstValueFrom(this.client.schedule(orgId, detail.releaseId, request)));
        this.notice.set('The release is scheduled.');
      },
      (problem) => {
        // What an incomplete draft lacks belongs to the draft's fields.
        if (problem.code === CATALOG_ERROR_CODES.releaseIncomplete)
          applyProblemToForm(form, underDraft(form, problem));
      },
    );
  }

  protected async uploadArtwork(file: File): Promise<void> {
    const form = this.form();
    const orgId = this.org.orgId();
    if (form === null || orgId === null) return;
    await this.run('artwork', async () => {
      const asset = await firstValueFrom(this.client.uploadAsset(orgId, 'artwork', file));
      form.controls.draft.controls.artworkAssetId.setValue(asset.assetId);
      form.markAsDirty();
      this.artworkAssetId.set(asset.assetId);
      this.notice.set('The artwork was uploaded. Save the draft to keep it.');
    });
  }

  protected async uploadAudio({ index, file }: TrackAudio): Promise<void> {
    const row = this.form()?.controls.draft.controls.tracks.at(index);
    const orgId = this.org.orgId();
    if (row === undefined || orgId === null) return;
    this.uploadingTrack.set(index);
    await this.run('audio', async () => {
      try {
        const asset = await firstValueFrom(this.client.uploadAsset(orgId, 'audio', file));
        row.controls.audioAssetId.setValue(asset.assetId);
        if (asset.durationMs !== null) row.controls.durationMs.setValue(formatDuration(asset.durationMs));
        row.markAsDirty();
        this.notice.set(`The audio of track ${index + 1} was uploaded. Save the draft to keep it.`);
      } finally {
        this.uploadingTrack.set(null);
      }
    });
  }

  protected async compare({ from, to }: CompareRequest): Promise<void> {
    const detail = this.detail();
    const orgId = this.org.orgId();
    if (detail === null || orgId === null) return;
    this.comparison.set(null);
    await this.run('compare', async () => {
      this.comparison.set(await firstValueFrom(this.client.compare(orgId, detail.releaseId, from, to)));
    });
  }

  private async publish(): Promise<void> {
    const detail = this.detail();
    const orgId = this.org.orgId();
    if (detail === null || orgId === null) return;
    if (this.dirty()) {
      this.notice.set('Save the draft first: publishing publishes the saved draft.');
      return;
    }
    const note = await this.prompt({
      title: `Publish version ${detail.version + 1}?`,
      message:
        detail.status === 'draft'
          ? 'The saved draft becomes a version. Fans see it once the release is out.'
          : 'The saved draft becomes the version fans see, at once.',
      label: 'Note (optional)',
      confirmLabel: 'Publish version',
      required: false,
      maxLength: 500,
    });
    if (note === undefined) return;
    await this.run('action', async () => {
      this.release.set(
        await firstValueFrom(
          this.client.publishVersion(orgId, detail.releaseId, {
            expectedRevision: detail.revision,
            note: note === '' ? null : note,
          }),
        ),
      );
      this.notice.set(`Version ${detail.version + 1} was published.`);
    });
  }

  private async takeDown(): Promise<void> {
    const reason = await this.prompt({
      title: 'Take this release down?',
      message: 'Fans stop seeing it everywhere at once. You can reinstate it later.',
      label: 'Reason',
      confirmLabel: 'Take down',
      required: true,
      maxLength: 500,
    });
    if (reason === undefined) return;
    await this.onRelease('action', (orgId, releaseId) => this.client.takeDown(orgId, releaseId, { reason }));
    if (this.problemIn('action') === null) this.notice.set('The release was taken down.');
  }

  private async deleteDraft(): Promise<void> {
    const detail = this.detail();
    const orgId = this.org.orgId();
    if (detail === null || orgId === null) return;
    const confirmed = await this.confirm({
      title: 'Delete this draft?',
      message: `“${displayText(detail.draft.title)}” and its history are removed from your catalog. This cannot be undone.`,
      confirmLabel: 'Delete draft',
    });
    if (!confirmed) return;
    await this.run('action', async () => {
      await firstValueFrom(this.client.deleteRelease(orgId, detail.releaseId));
      await this.router.navigate(['/catalog']);
    });
  }

  private async exportErn(): Promise<void> {
    const detail = this.detail();
    const orgId = this.org.orgId();
    if (detail === null || orgId === null) return;
    await this.run('action', async () => {
      const blob = await firstValueFrom(this.client.download(this.client.ernPath(orgId, detail.releaseId)));
      await saveBlob(blob, `${detail.upc ?? detail.releaseId}.xml`);
    });
  }

  private async confirmed(
    data: ConfirmDialogData,
    command: (orgId: string, releaseId: string) => Observable<ReleaseDetail>,
    done: string,
  ): Promise<void> {
    if (!(await this.confirm(data))) return;
    await this.onRelease('action', command);
    if (this.problemIn('action') === null) this.notice.set(done);
  }

  private async onRelease(
    area: Area,
    command: (orgId: string, releaseId: string) => Observable<ReleaseDetail>,
  ): Promise<void> {
    const detail = this.detail();
    const orgId = this.org.orgId();
    if (detail === null || orgId === null) return;
    await this.run(area, async () => {
      this.release.set(await firstValueFrom(command(orgId, detail.releaseId)));
    });
  }

  private async confirm(data: ConfirmDialogData): Promise<boolean> {
    const answer: unknown = await firstValueFrom(
      this.dialog.open(ConfirmDialogComponent, { data }).afterClosed(),
    );
    return answer === true;
  }

  private async prompt(data: TextPromptData): Promise<string | undefined> {
    const answer: unknown = await firstValueFrom(
      this.dialog.open(TextPromptDialogComponent, { data, width: '480px' }).afterClosed(),
    );
    return typeof answer === 'string' ? answer : undefined;
  }

  private async run(
    area: Area,
    action: () => Promise<void>,
    onProblem?: (problem: ShownProblem) => void,
  ): Promise<void> {
    this.busy.set(area);
    this.notice.set('');
    this.problems.update((current) => ({ ...current, [area]: undefined }));
    try {
      await action();
    } catch (error: unknown) {
      const problem = problemFromError(error);
      this.problems.update((current) => ({ ...current, [area]: problem }));
      if (error instanceof HttpErrorResponse) onProblem?.(problem);
    } finally {
      this.busy.set(null);
    }
  }
}
