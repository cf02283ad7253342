import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/** The heading of a creator catalog page: a link back to the catalog and the page's title. */
@Component({
  selector: 'bs-catalog-page-heading',
  imports: [RouterLink, MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bs-heading">
      <a mat-button routerLink="/catalog">
        <mat-icon aria-hidden="true">arrow_back</mat-icon>
        Catalog
      </a>
      <h1>{{ heading() }}</h1>
    </header>
  `,
  styles: `
    :host {
      display: block;
    }
    .bs-heading {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 12px;
    }
    h1 {
      margin: 0;
    }
  `,
})
export class PageHeadingComponent {
  /** The page's title, its only h1. */
  readonly heading = input.required<string>();
}
