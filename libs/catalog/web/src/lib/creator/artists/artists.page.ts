import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { type Artist, type ArtistInput, formatIsni } from '@bandstand/catalog/contracts';
import {
  EmptyStateComponent,
  ErrorStateComponent,
  LoadingStateComponent,
  problemFromError,
  type ShownProblem,
} from '@bandstand/shared/web-ui';
import { firstValueFrom } from 'rxjs';
import { ActiveOrganisation } from '../../shared/data/active-organisation';
import { CatalogClient } from '../../shared/data/catalog.client';
import { displayText } from '../../shared/format/catalog-display';
import { OrgScopeComponent } from '../../shared/ui/org-scope.component';
import { PageHeadingComponent } from '../../shared/ui/page-heading.component';
import { ArtistFormComponent } from './artist-form.component';

/** Which artist the form edits: a new one, or an existing one. */
type Editing = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly artist: Artist };

/** The organisation's artist profiles: the list, a new artist and edits, with the api's field errors. */
@Component({
  selector: 'bs-artists-page',
  imports: [
    MatButton,
    MatCard,
    MatCardHeader,
    MatCardTitle,
    MatCardContent,
    MatIcon,
    EmptyStateComponent,
    ErrorStateComponent,
    LoadingStateComponent,
    OrgScopeComponent,
    PageHeadingComponent,
    ArtistFormComponent,
  ],
  providers: [ActiveOrganisation],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      <bs-catalog-page-heading heading="Artists" />
      <bs-catalog-org-scope
        [organisations]="org.list()"
        [selected]="org.organisation()"
        [problem]="org.problem()"
        (choose)="org.choose($event)"
        (retry)="org.organisations.reload()"
      >
        <p class="bs-notice" role="status" aria-live="polite">{{ notice() }}</p>
        @if (editing(); as current) {
          <mat-card appearance="outlined">
            <mat-card-header>
              <mat-card-title role="heading" aria-level="2">
                {{ current.kind === 'new' ? 'New artist' : 'Edit ' + name(current.artist) }}
              </mat-card-title>
            </mat-card-header>
            <mat-card-content>
              <bs-artist-form
                [artist]="current.kind === 'edit' ? current.artist : null"
                [busy]="busy()"
                [problem]="problem()"
                (saved)="save($event, current)"
                (cancelled)="editing.set(null)"
              />
            </mat-card-content>
          </mat-card>
        } @else if (canWrite()) {
          <div>
            <button mat-flat-button type="button" (click)="startNew()">
              <mat-icon aria-hidden="true">person_add</mat-icon>
              New artist
            </button>
          </div>
        }
        <mat-card appearance="outlined">
          <mat-card-content>
            @if (artists.error(); as error) {
              <bs-error-state [problem]="problemOf(error)" [retryable]="true" (retry)="artists.reload()" />
            } @else if (list(); as shown) {
              @if (shown.length === 0) {
                <bs-empty-state
                  icon="person"
                  heading="No artists yet"
                  message="An artist profile holds the name (in every script), ISNI, IPI, country and bio that releases and credits point to."
                />
              } @else {
                <div class="bs-table-scroll">
                  <table>
                    <caption class="bs-visually-hidden">
                      Artists
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">ISNI</th>
                        <th scope="col">IPI</th>
                        <th scope="col">Country</th>
                        <th scope="col" class="bs-number">Releases</th>
                        @if (canWrite()) {
                          <th scope="col"><span class="bs-visually-hidden">Actions</span></th>
                        }
                      </tr>
                    </thead>
                    <tbody>
                      @for (artist of shown; track artist.artistId) {
                        <tr [attr.data-artist]="artist.artistId">
                          <td>
                            {{ artist.name.text }}
                            @for (translation of artist.name.translations; track translation.language) {
                              <span class="bs-muted"
                                >· {{ translation.text }} ({{ translation.language }})</span
                              >
                            }
                          </td>
                          <td class="bs-identifier">{{ artist.isni ? isni(artist.isni) : '—' }}</td>
                          <td class="bs-identifier">{{ artist.ipi ?? '—' }}</td>
                          <td>{{ artist.country ?? '—' }}</td>
                          <td class="bs-number">{{ artist.releaseCount }}</td>
                          @if (canWrite()) {
                            <td>
                              <button
                                mat-button
                                type="button"
                                [attr.aria-label]="'Edit ' + name(artist)"
                                (click)="startEdit(artist)"
                              >
                                Edit
                              </button>
                            </td>
                          }
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              }
            } @else {
              <bs-loading-state [compact]="true" label="Loading artists…" />
            }
          </mat-card-content>
        </mat-card>
      </bs-catalog-org-scope>
    </div>
  `,
  styleUrls: ['../../shared/ui/catalog-tables.scss', '../../shared/ui/catalog-page.scss'],
  styles: `
    .bs-identifier {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ArtistsPageComponent {
  private readonly client = inject(CatalogClient);
  protected readonly org = inject(ActiveOrganisation);

  protected readonly canWrite = computed(() => this.org.can('catalog.write'));
  protected readonly artists = rxResource({
    params: () => this.org.orgId() ?? undefined,
    stream: ({ params: orgId }) => this.client.artists(orgId),
  });
  protected readonly list = computed(() => (this.artists.hasValue() ? this.artists.value() : undefined));

  protected readonly editing = signal<Editing | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ShownProblem | null>(null);
  protected readonly notice = signal('');

  protected name(artist: Artist): string {
    return displayText(artist.name);
  }

  protected isni(isni: string): string {
    return formatIsni(isni);
  }

  protected problemOf(error: unknown): ShownProblem {
    return problemFromError(error);
  }

  protected startNew(): void {
    this.problem.set(null);
    this.notice.set('');
    this.editing.set({ kind: 'new' });
  }

  protected startEdit(artist: Artist): void {
    this.problem.set(null);
    this.notice.set('');
    this.editing.set({ kind: 'edit', artist });
  }

  protected async save(input: ArtistInput, editing: Editing): Promise<void> {
    const orgId = this.org.orgId();
    if (orgId === null) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const saved = await firstValueFrom(
        editing.kind === 'new'
          ? this.client.createArtist(orgId, input)
          : this.client.updateArtist(orgId, editing.artist.artistId, input),
      );
      this.editing.set(null);
      this.artists.reload();
      this.notice.set(
        editing.kind === 'new' ? `${this.name(saved)} was created.` : `${this.name(saved)} was saved.`,
      );
    } catch (error: unknown) {
      this.problem.set(problemFromError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
