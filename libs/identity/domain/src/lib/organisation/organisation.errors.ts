import { ACCESS_ERROR_CODES, DomainError, type OrgPermission } from '@bandstand/shared/contracts';
import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '../identity.error';

/** No organisation with this id (404). */
export class OrganisationNotFound extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.organisationNotFound, 'There is no such organisation', {
      status: 404,
      field: 'orgId',
    });
  }
}

/** The organisation's stream exists already (409): its id was used before. */
export class OrganisationExists extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.organisationExists, 'This organisation exists already', { status: 409 });
  }
}

/** The invited address belongs to a member already (409). */
export class AlreadyMember extends IdentityError {
  constructor(field = 'email') {
    super(IDENTITY_ERROR_CODES.alreadyMember, 'This person is a member of the organisation already', {
      status: 409,
      field,
    });
  }
}

/** The user is not a member of this organisation (404), also when they belong to another one. */
export class MemberNotFound extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.memberNotFound, 'This person is not a member of the organisation', {
      status: 404,
      field: 'userId',
    });
  }
}

/** No invitation of this organisation with this id or token (404). */
export class InvitationNotFound extends IdentityError {
  constructor(field = 'invitationId') {
    super(IDENTITY_ERROR_CODES.invitationNotFound, 'There is no such invitation', { status: 404, field });
  }
}

/** The invitation is older than its 7 days (410). */
export class InvitationExpired extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.invitationExpired, 'This invitation has expired; ask for a new one', {
      status: 410,
      field: 'token',
    });
  }
}

/** The invitation was accepted or revoked already (409). */
export class InvitationNotPending extends IdentityError {
  constructor(status: string) {
    super(IDENTITY_ERROR_CODES.invitationNotPending, `This invitation was ${status} already`, {
      status: 409,
    });
  }
}

/** The signed-in account's e-mail address is not the invited one (403). */
export class InvitationForAnotherEmail extends IdentityError {
  constructor() {
    super(
      IDENTITY_ERROR_CODES.invitationForAnotherEmail,
      'This invitation was sent to another e-mail address; sign in with that address to accept it',
      { status: 403, field: 'token' },
    );
  }
}

/** Only owners make or unmake owners (403). */
export class OwnersOnly extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.ownersOnly, 'Only owners can make or remove owners', { status: 403 });
  }
}

/** An organisation always keeps at least one owner (409). */
export class LastOwner extends IdentityError {
  constructor() {
    super(
      IDENTITY_ERROR_CODES.lastOwner,
      'The last owner can neither leave nor be demoted; make someone else an owner first',
      { status: 409, field: 'userId' },
    );
  }
}

/** The acting member's role does not hold the permission the change needs (403). */
export class TeamPermissionMissing extends DomainError {
  constructor(permission: OrgPermission) {
    super(ACCESS_ERROR_CODES.forbidden, `Your role does not allow this (${permission})`, { status: 403 });
  }
}
