/** An element to write: attributes in order (undefined ones left out), then children or text. */
export interface XmlNode {
  readonly name: string;
  readonly attributes: readonly (readonly [string, string | undefined])[];
  readonly children: readonly XmlNode[];
  readonly text: string | null;
}

/** Children as written by callers: absent ones (`null`, `undefined`, `false`) are left out. */
export type XmlChild = XmlNode | null | undefined | false;

/** An element with child elements. */
export function element(
  name: string,
  attributes: Readonly<Record<string, string | number | boolean | null | undefined>>,
  ...children: readonly (XmlChild | readonly XmlChild[])[]
): XmlNode {
  return {
    name,
    attributes: Object.entries(attributes).map(([key, value]) => [
      key,
      value === null || value === undefined ? undefined : String(value),
    ]),
    children: children
      .flat()
      .filter((child): child is XmlNode => child !== null && child !== undefined && child !== false),
    text: null,
  };
}

/** An element holding only text. */
export function textElement(
  name: string,
  text: string | number,
  attributes: Readonly<Record<string, string | number | boolean | null | undefined>> = {},
): XmlNode {
  return { ...element(name, attributes), text: String(text) };
}

// Characters XML 1.0 cannot carry even as references: they are replaced rather than written, so
// that a stray control character in a title never makes the whole message unreadable.
function xmlSafe(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const allowed =
      code === 0x09 ||
      code === 0x0a ||
      code === 0x0d ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    out += allowed ? char : '\uFFFD';
  }
  return out;
}

function escapeText(value: string): string {
  return xmlSafe(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function escapeAttribute(value: string): string {
  return xmlSafe(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function write(node: XmlNode, indent: string, out: string[]): void {
  const attributes = node.attributes
    .flatMap(([key, value]) => (value === undefined ? [] : [` ${key}="${escapeAttribute(value)}"`]))
    .join('');
  if (node.text !== null) {
    out.push(`${indent}<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`);
  } else if (node.children.length === 0) {
    out.push(`${indent}<${node.name}${attributes}/>`);
  } else {
    out.push(`${indent}<${node.name}${attributes}>`);
    for (const child of node.children) write(child, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  }
}

/** The document: an XML declaration (UTF-8) and `root`, indented by two spaces, ending in a newline. */
export function serializeXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
