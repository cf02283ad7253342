import { IDENTITY_ERROR_CODES } from '@bandstand/identity/contracts';
import { IdentityError } from '../identity.error';

/** No approval request with this id (404). */
export class ApprovalNotFound extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.approvalNotFound, 'There is no such approval request', {
      status: 404,
      field: 'approvalId',
    });
  }
}

/** The requester cannot decide their own request: that is what the second approver is for (403). */
export class ApprovalByRequester extends IdentityError {
  constructor() {
    super(IDENTITY_ERROR_CODES.approvalSelf, 'Another staff member must decide on your request', {
      status: 403,
    });
  }
}

/** The request was decided already, or exists already (409). */
export class ApprovalNotPending extends IdentityError {
  constructor(status: string) {
    super(IDENTITY_ERROR_CODES.approvalNotPending, `This request is ${status}, not pending`, { status: 409 });
  }
}
