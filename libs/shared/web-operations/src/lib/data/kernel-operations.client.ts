import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  KERNEL_OPERATIONS_PATH,
  type KernelOperationsOverview,
  type Page,
  type ParkedEventView,
  type SubscriptionOperationsView,
  subscriptionOperationsPath,
} from '@bandstand/shared/contracts';
import { type Observable } from 'rxjs';

/** The kernel's operational API, on the console's own origin (the api serves the consoles). */
@Injectable({ providedIn: 'root' })
export class KernelOperationsClient {
  private readonly http = inject(HttpClient);

  overview(): Observable<KernelOperationsOverview> {
    return this.http.get<KernelOperationsOverview>(KERNEL_OPERATIONS_PATH);
  }

  /** A page of a subscription's parked events; `cursor` is the previous page's `nextCursor`. */
  parked(name: string, cursor?: string): Observable<Page<ParkedEventView>> {
    const params = cursor === undefined ? undefined : new HttpParams().set('cursor', cursor);
    return this.http.get<Page<ParkedEventView>>(`${subscriptionOperationsPath(name)}/parked`, { params });
  }

  requestRebuild(name: string): Observable<SubscriptionOperationsView> {
    return this.http.post<SubscriptionOperationsView>(`${subscriptionOperationsPath(name)}/rebuild`, null);
  }

  resume(name: string): Observable<SubscriptionOperationsView> {
    return this.http.post<SubscriptionOperationsView>(`${subscriptionOperationsPath(name)}/resume`, null);
  }

  retryParked(name: string, globalPosition: string): Observable<ParkedEventView> {
    return this.http.post<ParkedEventView>(
      `${subscriptionOperationsPath(name)}/parked/${encodeURIComponent(globalPosition)}/retry`,
      null,
    );
  }
}
