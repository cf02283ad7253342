import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type AcceptInvitationRequest,
  type ChangeMemberRoleRequest,
  type CreateOrganisationRequest,
  type Invitation,
  type InvitationPreview,
  INVITATIONS_PATH,
  type InviteMemberRequest,
  type MembershipSummary,
  type Organisation,
  ORGS_PATH,
  type TeamActivityEntry,
  type TeamMember,
} from '@bandstand/identity/contracts';
import { map, type Observable } from 'rxjs';
import { type ListBody, listItems } from './list-items';

function orgPath(orgId: string): string {
  return `${ORGS_PATH}/${encodeURIComponent(orgId)}`;
}

/** Organisations, their teams and invitations. */
@Injectable({ providedIn: 'root' })
export class TeamClient {
  private readonly http = inject(HttpClient);

  /** The organisations the signed-in user belongs to, with their role in each (GET /orgs answers `Organisation`s). */
  organisations(): Observable<readonly MembershipSummary[]> {
    return this.http.get<ListBody<Organisation>>(ORGS_PATH).pipe(
      map(listItems),
      map((organisations) =>
        organisations.flatMap((organisation): MembershipSummary[] =>
          organisation.myRole === null
            ? []
            : [
                {
                  orgId: organisation.orgId,
                  name: organisation.name,
                  kind: organisation.kind,
                  role: organisation.myRole,
                },
              ],
        ),
      ),
    );
  }

  createOrganisation(request: CreateOrganisationRequest): Observable<Organisation> {
    return this.http.post<Organisation>(ORGS_PATH, request);
  }

  members(orgId: string): Observable<readonly TeamMember[]> {
    return this.http.get<ListBody<TeamMember>>(`${orgPath(orgId)}/members`).pipe(map(listItems));
  }

  changeRole(orgId: string, userId: string, request: ChangeMemberRoleRequest): Observable<unknown> {
    return this.http.patch<unknown>(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`, request);
  }

  removeMember(orgId: string, userId: string): Observable<unknown> {
    return this.http.delete<unknown>(`${orgPath(orgId)}/members/${encodeURIComponent(userId)}`);
  }

  invitations(orgId: string): Observable<readonly Invitation[]> {
    return this.http.get<ListBody<Invitation>>(`${orgPath(orgId)}/invitations`).pipe(map(listItems));
  }

  invite(orgId: string, request: InviteMemberRequest): Observable<unknown> {
    return this.http.post<unknown>(`${orgPath(orgId)}/invitations`, request);
  }

  revokeInvitation(orgId: string, invitationId: string): Observable<unknown> {
    return this.http.delete<unknown>(`${orgPath(orgId)}/invitations/${encodeURIComponent(invitationId)}`);
  }

  activity(orgId: string): Observable<readonly TeamActivityEntry[]> {
    return this.http.get<ListBody<TeamActivityEntry>>(`${orgPath(orgId)}/activity`).pipe(map(listItems));
  }

  /** What an invitation link offers; public, so that the invitee sees it before signing in. */
  invitationPreview(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(`${INVITATIONS_PATH}/${encodeURIComponent(token)}`);
  }

  acceptInvitation(request: AcceptInvitationRequest): Observable<unknown> {
    return this.http.post<unknown>(`${INVITATIONS_PATH}/accept`, request);
  }
}
