import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type WritableSignal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatCard,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  CATALOG_ERROR_CODES,
  type ChangePlan,
  type ImportFile,
  type ImportRequest,
  MAX_IMPORT_BYTES,
} from '@bandstand/catalog/contracts';
import { ProblemAlertComponent, problemFromError, type ShownProblem } from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { ActiveOrganisation } from '../../shared/data/active-organisation';
import { readBlobText } from '../../shared/data/blob-text';
import { saveBlob } from '../../shared/data/blob-urls';
import { CatalogClient } from '../../shared/data/catalog.client';
import { PlanSession } from '../../shared/data/plan-session';
import { OrgScopeComponent } from '../../shared/ui/org-scope.component';
import { PageHeadingComponent } from '../../shared/ui/page-heading.component';
import { PlanPanelComponent } from '../../shared/ui/plan-panel.component';

/** A chosen file, read as text. */
interface ChosenFile extends ImportFile {
  readonly bytes: number;
}

/** The format files of this name are most likely in. */
function formatOf(name: string): ImportRequest['format'] | null {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.xml$/i.test(name)) return 'ern';
  return null;
}

/** Sizes as people read them. */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Imports a catalog from CSV or DDEX ERN files: the files are previewed as a change plan (what
 * would be created, updated or left alone, and every error with its row or element), then applied
 * all or nothing or discarded. Also exports the catalog as CSV.
 */
@Component({
  selector: 'bs-import-export-page',
  imports: [
    FormsModule,
    MatButton,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardSubtitle,
    MatCardContent,
    MatIcon,
    MatRadioGroup,
    MatRadioButton,
    OrgScopeComponent,
    PageHeadingComponent,
    PlanPanelComponent,
    ProblemAlertComponent,
  ],
  providers: [ActiveOrganisation],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      <bs-catalog-page-heading heading="Import and export" />
      <bs-catalog-org-scope
        [organisations]="org.list()"
        [selected]="org.organisation()"
        [problem]="org.problem()"
        (choose)="org.choose($event)"
        (retry)="org.organisations.reload()"
      >
        <p class="bs-notice" role="status" aria-live="polite">{{ notice() }}</p>
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title role="heading" aria-level="2">Import</mat-card-title>
            <mat-card-subtitle>
              Nothing changes until you apply the preview; applying changes everything or nothing.
            </mat-card-subtitle>
          </mat-card-header>
          <mat-card-content class="bs-import">
            @if (plan(); as current) {
              <bs-plan-panel
                [plan]="current"
                [items]="planItems.view()"
                [busy]="busy()"
                [problem]="planProblem()"
                [stale]="stale()"
                (apply)="apply(current)"
                (discard)="discard(current)"
                (loadMore)="planItems.loadMore()"
                (previewAgain)="preview(planProblem)"
              />
              @if (current.status !== 'open') {
                <div>
                  <button mat-stroked-button type="button" (click)="startOver()">Import other files</button>
                </div>
              }
            } @else {
              <mat-radio-group
                aria-label="Format"
                [ngModel]="format()"
                (ngModelChange)="format.set($event)"
                name="format"
              >
                <mat-radio-button value="csv">CSV (one row per track)</mat-radio-button>
                <mat-radio-button value="ern">DDEX ERN 4 (XML messages)</mat-radio-button>
              </mat-radio-group>
              <div class="bs-files">
                <input
                  #picker
                  type="file"
                  multiple
                  class="bs-visually-hidden"
                  aria-label="Files to import"
                  [accept]="format() === 'csv' ? '.csv,text/csv' : '.xml,application/xml,text/xml'"
                  (change)="choose(picker)"
                />
                <button mat-stroked-button type="button" [disabled]="reading()" (click)="picker.click()">
                  <mat-icon aria-hidden="true">upload_file</mat-icon>
                  Choose files
                </button>
                @if (reading()) {
                  <span role="status">Reading the files…</span>
                }
              </div>
              @if (files().length > 0) {
                <ul class="bs-file-list" aria-label="Chosen files">
                  @for (file of files(); track file.name) {
                    <li>
                      <mat-icon aria-hidden="true">description</mat-icon>
                      {{ file.name }} <span class="bs-muted">({{ size(file.bytes) }})</span>
                    </li>
                  }
                </ul>
              }
              <bs-problem-alert [problem]="previewProblem()" [fieldErrors]="previewProblem()?.errors ?? []" />
              <div>
                <button
                  mat-flat-button
                  type="button"
                  [disabled]="busy() || reading() || files().length === 0"
                  (click)="preview(previewProblem)"
                >
                  Preview
                </button>
              </div>
            }
          </mat-card-content>
        </mat-card>
        <mat-card appearance="outlined">
          <mat-card-header>
            <mat-card-title role="heading" aria-level="2">Export</mat-card-title>
            <mat-card-subtitle>Every track of every release's draft, one row per track.</mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            <button mat-stroked-button type="button" [disabled]="exporting()" (click)="exportCsv()">
              <mat-icon aria-hidden="true">download</mat-icon>
              Download CSV
            </button>
            <bs-problem-alert [problem]="exportProblem()" />
          </mat-card-content>
        </mat-card>
      </bs-catalog-org-scope>
    </div>
  `,
  styleUrl: '../../shared/ui/catalog-page.scss',
  styles: `
    .bs-import {
      display: grid;
      gap: 12px;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
    }
    .bs-files {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .bs-file-list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .bs-file-list li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .bs-muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ImportExportPageComponent {
  private readonly client = inject(CatalogClient);
  protected readonly org = inject(ActiveOrganisation);

  protected readonly format = signal<ImportRequest['format']>('csv');
  protected readonly files = signal<readonly ChosenFile[]>([]);
  protected readonly reading = signal(false);
  private readonly session = new PlanSession();
  protected readonly plan = this.session.plan;
  protected readonly planItems = this.session.items;
  protected readonly busy = this.session.busy;
  protected readonly exporting = signal(false);
  protected readonly previewProblem = this.session.previewProblem;
  protected readonly planProblem = this.session.planProblem;
  protected readonly exportProblem = signal<ShownProblem | null>(null);
  protected readonly stale = this.session.stale;
  protected readonly notice = this.session.notice;
  protected readonly totalBytes = computed(() => this.files().reduce((total, file) => total + file.bytes, 0));

  protected readonly size = size;

  protected async choose(picker: HTMLInputElement): Promise<void> {
    const chosen = [...(picker.files ?? [])];
    picker.value = '';
    if (chosen.length === 0) return;
    this.reading.set(true);
    this.previewProblem.set(null);
    try {
      const files = await Promise.all(
        chosen.map(async (file) => ({
          name: file.name,
          content: await readBlobText(file),
          bytes: file.size,
        })),
      );
      this.files.set(files);
      const formats = new Set(files.map((file) => formatOf(file.name)));
      const [only] = [...formats];
      if (formats.size === 1 && only !== null && only !== undefined) this.format.set(only);
    } catch (error: unknown) {
      this.previewProblem.set(problemFromError(error));
    } finally {
      this.reading.set(false);
    }
  }

  protected async preview(problem: WritableSignal<ShownProblem | null>): Promise<void> {
    const orgId = this.org.orgId();
    if (orgId === null) return;
    if (this.totalBytes() > MAX_IMPORT_BYTES) {
      this.previewProblem.set({
        type: 'urn:bandstand:problem:CATALOG.PAYLOAD_TOO_LARGE',
        code: CATALOG_ERROR_CODES.payloadTooLarge,
        title: 'The files are too large',
        status: 413,
        detail: `An import takes at most ${size(MAX_IMPORT_BYTES)}; these files hold ${size(this.totalBytes())}. Import them in parts.`,
      });
      return;
    }
    const request: ImportRequest = {
      format: this.format(),
      files: this.files().map(({ name, content }) => ({ name, content })),
    };
    await this.session.preview(problem, () => firstValueFrom(this.client.previewImport(orgId, request)));
  }

  protected async apply(plan: ChangePlan): Promise<void> {
    const orgId = this.org.orgId();
    if (orgId === null) return;
    await this.session.apply(orgId, plan, (applied) => {
      const { creates, updates } = applied.summary;
      return `Imported: ${creates} new ${creates === 1 ? 'release' : 'releases'}, ${updates} ${updates === 1 ? 'release' : 'releases'} changed.`;
    });
  }

  protected async discard(plan: ChangePlan): Promise<void> {
    const orgId = this.org.orgId();
    if (orgId !== null) await this.session.discard(orgId, plan);
  }

  protected startOver(): void {
    this.plan.set(null);
    this.files.set([]);
    this.notice.set('');
  }

  protected async exportCsv(): Promise<void> {
    const orgId = this.org.orgId();
    if (orgId === null) return;
    this.exporting.set(true);
    this.exportProblem.set(null);
    try {
      const blob = await firstValueFrom(this.client.download(this.client.csvExportPath(orgId)));
      await saveBlob(blob, `catalog-${this.org.organisation()?.name ?? orgId}.csv`);
    } catch (error: unknown) {
      this.exportProblem.set(problemFromError(error));
    } finally {
      this.exporting.set(false);
    }
  }
}
