import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type PublicReleaseSummary } from '@bandstand/catalog/contracts';
import { ReleaseCardComponent } from './release-card.component';

/** Releases as a grid of cards, as many per row as fit. */
@Component({
  selector: 'bs-release-grid',
  imports: [ReleaseCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="bs-release-grid" [attr.aria-label]="label()">
      @for (release of releases(); track release.releaseId) {
        <li><bs-release-card [release]="release" /></li>
      }
    </ul>
  `,
  styles: `
    .bs-release-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
      gap: var(--bs-gap, 16px);
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class ReleaseGridComponent {
  readonly releases = input.required<readonly PublicReleaseSummary[]>();
  /** What the list holds, for screen readers ("New releases"). */
  readonly label = input.required<string>();
}
