import { type AbstractControl } from '@angular/forms';
import { type FieldError } from '@bandstand/shared/contracts';
import { applyProblemToForm, problemFromError, type ShownProblem } from '@bandstand/shared/web-ui';
import { WalletProblem } from '../siwe/wallet-signer';

/** Why a form's request failed: the problem, and its field errors that no control could show. */
export interface FormFailure {
  readonly problem: ShownProblem;
  readonly unmatched: readonly FieldError[];
}

/** The problem a failed action produced, from the api, the network or the wallet. */
export function problemOf(error: unknown): ShownProblem {
  return error instanceof WalletProblem ? error.problem : problemFromError(error);
}

/** Puts the failure's field errors next to their fields and returns the rest for the form to show. */
export function formFailure(form: AbstractControl, error: unknown): FormFailure {
  const problem = problemOf(error);
  return { problem, unmatched: applyProblemToForm(form, problem) };
}
