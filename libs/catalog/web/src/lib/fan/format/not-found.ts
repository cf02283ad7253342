import { HttpErrorResponse } from '@angular/common/http';

/** Whether a failed request was the api's 404: nothing there for this viewer. */
export function isNotFound(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 404;
}
