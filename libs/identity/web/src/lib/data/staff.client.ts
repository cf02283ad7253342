import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type GrantStaffRoleRequest,
  type RejectApprovalRequest,
  type StaffActionResult,
  type StaffApproval,
  STAFF_PATH,
  type StaffUserSummary,
} from '@bandstand/identity/contracts';
import { type Page, type StaffRole } from '@bandstand/shared/contracts';
import { map, type Observable } from 'rxjs';
import { asPage, type ListBody, listItems } from './list-items';

function userPath(userId: string): string {
  return `${STAFF_PATH}/users/${encodeURIComponent(userId)}`;
}

function approvalPath(approvalId: string): string {
  return `${STAFF_PATH}/approvals/${encodeURIComponent(approvalId)}`;
}

/** The staff's user, role and approval endpoints. */
@Injectable({ providedIn: 'root' })
export class StaffClient {
  private readonly http = inject(HttpClient);

  /** Users matching `query` (e-mail or name); `cursor` is the previous page's `nextCursor`. */
  users(query: string, cursor?: string): Observable<Page<StaffUserSummary>> {
    let params = new HttpParams();
    if (query !== '') params = params.set('query', query);
    if (cursor !== undefined) params = params.set('cursor', cursor);
    return this.http.get<ListBody<StaffUserSummary>>(`${STAFF_PATH}/users`, { params }).pipe(map(asPage));
  }

  user(userId: string): Observable<StaffUserSummary> {
    return this.http.get<StaffUserSummary>(userPath(userId));
  }

  revokeSessions(userId: string): Observable<unknown> {
    return this.http.post<unknown>(`${userPath(userId)}/sessions/revoke`, null);
  }

  grantRole(userId: string, request: GrantStaffRoleRequest): Observable<StaffActionResult> {
    return this.http.post<StaffActionResult>(`${userPath(userId)}/roles`, request);
  }

  revokeRole(userId: string, role: StaffRole): Observable<unknown> {
    return this.http.delete<unknown>(`${userPath(userId)}/roles/${encodeURIComponent(role)}`);
  }

  approvals(): Observable<readonly StaffApproval[]> {
    return this.http.get<ListBody<StaffApproval>>(`${STAFF_PATH}/approvals`).pipe(map(listItems));
  }

  approve(approvalId: string): Observable<unknown> {
    return this.http.post<unknown>(`${approvalPath(approvalId)}/approve`, null);
  }

  reject(approvalId: string, request: RejectApprovalRequest): Observable<unknown> {
    return this.http.post<unknown>(`${approvalPath(approvalId)}/reject`, request);
  }
}
