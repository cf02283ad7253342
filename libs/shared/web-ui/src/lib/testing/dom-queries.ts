// Queries and actions on the DOM that the consoles' component specs share.

/** The visible text of an element, with whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element matching `selector` inside `scope`, or a failure naming what is missing. */
export function find<T extends Element = HTMLElement>(scope: ParentNode, selector: string): T {
  const found = scope.querySelector<T>(selector);
  if (found === null) throw new Error(`Nothing matches ${selector}`);
  return found;
}

/** The text a screen reader reads for `element`: its text without the parts hidden from it (icons). */
export function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return textOf(copy);
}

/** The button (or link) whose name is `text` (its aria-label, or its spoken text), inside `scope`. */
export function buttonNamed(scope: ParentNode, text: string): HTMLElement {
  const found = [...scope.querySelectorAll<HTMLElement>('button, a')].find(
    (candidate) => (candidate.getAttribute('aria-label') ?? spokenText(candidate)) === text,
  );
  if (found === undefined) throw new Error(`No button or link named "${text}"`);
  return found;
}

/** Types `value` into `input` as a user would (an input event per change). */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

export async function until(what: string, done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100; turn++) {
    if (done()) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`Gave up waiting: ${what}`);
}
