/**
 * Replaces the part of `document` from `startMarker` to `endMarker` with `section` (which carries
 * both markers), or appends `section` after a blank line when the document has no such part.
 */
export function spliceMarkedSection(
  document: string,
  section: string,
  startMarker: string,
  endMarker: string,
): string {
  const start = document.indexOf(startMarker);
  const end = document.indexOf(endMarker);
  if (start !== -1 && end > start) {
    const after = document.slice(end + endMarker.length).replace(/^\r?\n/, '');
    return `${document.slice(0, start)}${section}${after}`;
  }
  const body = document.replace(/\s*$/, '');
  return body === '' ? section : `${body}\n\n${section}`;
}
