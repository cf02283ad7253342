import { AUDIT_ERROR_CODES, DomainError } from '@bandstand/shared/contracts';

/** The audit log's filters contradict each other; `field` names the one to change. */
export class AuditQueryInvalid extends DomainError {
  constructor(field: string, message: string) {
    super(AUDIT_ERROR_CODES.queryInvalid, message, { status: 400, field });
  }
}
