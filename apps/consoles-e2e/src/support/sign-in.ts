import { type ApiStack } from '@bandstand/shared/testing';
import { type Page } from 'playwright-core';

/** Signs `page` in to the staff console as a staff admin of `stack`. */
export async function signInAsStaff(page: Page, stack: ApiStack): Promise<void> {
  // The consoles do not ask for sign-in yet; identity's browser flow replaces this (issue 4).
  void page;
  void stack;
  await Promise.resolve();
}
