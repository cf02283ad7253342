import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type AuditEvent,
  type AuditEventQuery,
  type IntegrityReport,
  KERNEL_EVENTS_PATH,
  KERNEL_INTEGRITY_VERIFICATIONS_PATH,
  type Page,
} from '@bandstand/shared/contracts';
import { type Observable } from 'rxjs';

/** The kernel's audit API, on the console's own origin (the api serves the consoles). */
@Injectable({ providedIn: 'root' })
export class KernelAuditClient {
  private readonly http = inject(HttpClient);

  /** A page of stored events, newest first; only the filters that are set are sent. */
  events(query: AuditEventQuery = {}): Observable<Page<AuditEvent>> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) params = params.set(name, String(value));
    }
    return this.http.get<Page<AuditEvent>>(KERNEL_EVENTS_PATH, { params });
  }

  /** Verifies the whole event store (synchronously, up to the server's event limit). */
  verify(): Observable<IntegrityReport> {
    return this.http.post<IntegrityReport>(KERNEL_INTEGRITY_VERIFICATIONS_PATH, {});
  }
}
