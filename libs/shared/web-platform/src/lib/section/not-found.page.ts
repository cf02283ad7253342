import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '@bandstand/shared/web-ui';

/** A console path that matches no section. */
@Component({
  selector: 'bs-not-found-page',
  imports: [EmptyStateComponent, MatAnchor, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bs-page">
      <h1>Page not found</h1>
      <bs-empty-state
        icon="explore_off"
        heading="There is no page at this address"
        message="The link may be old or mistyped. The navigation lists every section of this console."
      >
        <a mat-stroked-button routerLink="/">Go to the start page</a>
      </bs-empty-state>
    </div>
  `,
})
export class NotFoundPageComponent {}
