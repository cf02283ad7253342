import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { type Organisation, ORGS_PATH } from '@bandstand/identity/contracts';
import { type OrgPermission, orgRoleAllows } from '@bandstand/shared/contracts';
import { problemFromError } from '@bandstand/shared/web-ui';
import { map } from 'rxjs';
import { type ListBody, listItems } from './list-body';

/** Where the catalog pages remember the organisation last chosen, across pages and visits. */
export const ACTIVE_ORG_STORAGE_KEY = 'bandstand.catalog.orgId';

function stored(): string | null {
  try {
    return globalThis.localStorage?.getItem(ACTIVE_ORG_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be switched off (private modes, policies): the choice then lasts for the page only.
    return null;
  }
}

/**
 * The organisation whose catalog a page works on: the user's organisations (where they hold a
 * role), the one chosen last if it is still among them, otherwise the first. Each page provides its
 * own, so that the list is fresh (an organisation created on the Team page shows at once).
 */
@Injectable()
export class ActiveOrganisation {
  private readonly http = inject(HttpClient);

  /** The organisations the user is a member of. */
  readonly organisations = rxResource({
    stream: () =>
      this.http
        .get<ListBody<Organisation>>(ORGS_PATH)
        .pipe(map((body) => listItems(body).filter((organisation) => organisation.myRole !== null))),
  });

  private readonly chosen = signal<string | null>(stored());

  /** The organisations once loaded; undefined while loading or after a failure. */
  readonly list = computed(() => (this.organisations.hasValue() ? this.organisations.value() : undefined));

  /** Why the organisations could not be loaded. */
  readonly problem = computed(() => {
    const error = this.organisations.error();
    return error === undefined ? null : problemFromError(error);
  });

  /** The active organisation, or null while loading or when the user has none. */
  readonly organisation = computed<Organisation | null>(() => {
    const list = this.list();
    if (list === undefined) return null;
    return list.find((organisation) => organisation.orgId === this.chosen()) ?? list[0] ?? null;
  });

  readonly orgId = computed(() => this.organisation()?.orgId ?? null);

  /** Makes `orgId` the active organisation here and on the next catalog page. */
  choose(orgId: string): void {
    this.chosen.set(orgId);
    try {
      globalThis.localStorage?.setItem(ACTIVE_ORG_STORAGE_KEY, orgId);
    } catch {
      // See `stored`: without storage the choice holds for this page.
    }
  }

  /** Whether the user's role in the active organisation grants `permission`. */
  can(permission: OrgPermission): boolean {
    const role = this.organisation()?.myRole ?? null;
    return role !== null && orgRoleAllows(role, permission);
  }
}
