import { type XmlAttribute, type XmlElement } from './xml-element';

/** What a document may hold before it is refused; see {@link DEFAULT_XML_LIMITS}. */
export interface XmlLimits {
  /** Size of the whole document, in UTF-8 bytes. */
  readonly maxDocumentBytes: number;
  /** Elements open at once (the root is depth 1). */
  readonly maxDepth: number;
  /** Character data of one element, in UTF-8 bytes. */
  readonly maxTextBytes: number;
  readonly maxElements: number;
  /** Attributes of one element, namespace declarations included. */
  readonly maxAttributes: number;
  /** Length of an element or attribute name. */
  readonly maxNameLength: number;
}

/** The limits of an import: a 64 MiB document, depth 64, 1 MiB of text per element, 200,000 elements. */
export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxDocumentBytes: 64 * 1024 * 1024,
  maxDepth: 64,
  maxTextBytes: 1024 * 1024,
  maxElements: 200_000,
  maxAttributes: 64,
  maxNameLength: 256,
};

/** Why a document was refused. */
export type XmlErrorReason =
  | 'doctype'
  | 'undefined-entity'
  | 'not-well-formed'
  | 'mismatched-tag'
  | 'truncated'
  | 'document-too-large'
  | 'too-deep'
  | 'text-too-long'
  | 'too-many-elements'
  | 'too-many-attributes'
  | 'name-too-long'
  | 'unbound-prefix'
  | 'unsupported-encoding';

/** A document that is not well-formed XML, or breaks a limit, with where it went wrong. */
export class XmlReadError extends Error {
  constructor(
    readonly reason: XmlErrorReason,
    readonly detail: string,
    readonly line: number,
    readonly column: number,
    /** The element being read, by local names (`/NewReleaseMessage/ResourceList`); `/` before the root. */
    readonly path: string,
  ) {
    super(`${detail} (line ${line}, column ${column})`);
    this.name = 'XmlReadError';
  }
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
};
// XML 1.0 (fifth edition) names; the sticky flag lets the reader match in place without slicing.
const NAME_START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}`;
const NAME_CHAR = String.raw`${NAME_START}\-.0-9\u00B7\u0300-\u036F\u203F-\u2040`;
// XML's NameChar holds combining marks (U+0300–U+036F) and ZWNJ/ZWJ as ranges, by design.
// eslint-disable-next-line no-misleading-character-class
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
const XML_DECLARATION =
  /^\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\4)?\s*$/;

interface OpenElement {
  readonly name: string;
  readonly localName: string;
  readonly namespaceUri: string | null;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  readonly text: string[];
  textBytes: number;
  readonly path: string;
  readonly scope: ReadonlyMap<string, string>;
  readonly childCounts: Map<string, number>;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Whether `code` (a code point) is an XML 1.0 Char. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function localPart(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A hardened reader for untrusted XML (DDEX messages): it refuses any DOCTYPE outright, so no entity
 * is ever expanded and nothing external is ever fetched; it knows only the five predefined entities
 * and character references; it enforces {@link XmlLimits} as it goes, so a hostile document fails
 * fast instead of exhausting memory; and it is iterative, so depth cannot overflow the stack.
 */
class XmlReader {
  private pos = 0;
  private readonly stack: OpenElement[] = [];
  private elementCount = 0;
  private root: XmlElement | null = null;
  private readonly rootCounts = new Map<string, number>();

  constructor(
    private readonly source: string,
    private readonly limits: XmlLimits,
  ) {}

  read(): XmlElement {
    const bytes = Buffer.byteLength(this.source, 'utf8');
    if (bytes > this.limits.maxDocumentBytes) {
      this.fail(
        'document-too-large',
        `The document is ${bytes} bytes; at most ${this.limits.maxDocumentBytes} are accepted`,
      );
    }
    if (this.source.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (this.source.startsWith('<?xml', this.pos) && this.isDeclarationEnd(this.pos + 5)) {
      this.readDeclaration();
    }
    this.readMisc('prolog');
    if (this.pos >= this.source.length) this.fail('truncated', 'The document has no root element');
    this.readStartTag();
    this.readContent();
    this.readMisc('epilog');
    if (this.pos < this.source.length) this.fail('not-well-formed', 'Content after the root element');
    if (this.root === null) this.fail('truncated', 'The document has no root element');
    return this.root;
  }

  private isDeclarationEnd(at: number): boolean {
    const code = this.source.charCodeAt(at);
    return isWhitespace(code) || this.source.startsWith('?>', at);
  }

  private readDeclaration(): void {
    const end = this.source.indexOf('?>', this.pos);
    if (end < 0) this.fail('truncated', 'The XML declaration is not closed');
    const match = XML_DECLARATION.exec(this.source.slice(this.pos + 5, end));
    if (match === null) this.fail('not-well-formed', 'The XML declaration is malformed');
    const encoding = match[3];
    if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
      this.fail('unsupported-encoding', `Encoding ${encoding} is not supported; send UTF-8`);
    }
    this.pos = end + 2;
  }

  /** Whitespace, comments and processing instructions before or after the root element. */
  private readMisc(where: 'prolog' | 'epilog'): void {
    for (;;) {
      this.skipWhitespace();
      if (this.source.startsWith('<!--', this.pos)) this.readComment();
      else if (this.source.startsWith('<?', this.pos)) this.readProcessingInstruction();
      else if (
        this.source.startsWith('<!DOCTYPE', this.pos) ||
        this.source.startsWith('<!doctype', this.pos)
      ) {
        this.fail('doctype', 'DOCTYPE is not allowed');
      } else if (
        where === 'prolog' &&
        this.pos < this.source.length &&
        !this.source.startsWith('<', this.pos)
      ) {
        this.fail('not-well-formed', 'Text before the root element');
      } else if (where === 'prolog' && this.source.startsWith('<!', this.pos)) {
        this.fail('not-well-formed', 'Markup declarations are not allowed');
      } else return;
    }
  }

  private readContent(): void {
    const source = this.source;
    while (this.stack.length > 0) {
      if (this.pos >= source.length) {
        const open = this.stack[this.stack.length - 1];
        this.fail('truncated', `The document ends before </${open?.name ?? ''}>`);
      }
      if (source.charCodeAt(this.pos) !== 0x3c /* < */) {
        this.readText();
      } else if (source.startsWith('</', this.pos)) {
        this.readEndTag();
      } else if (source.startsWith('<!--', this.pos)) {
        this.readComment();
      } else if (source.startsWith('<![CDATA[', this.pos)) {
        this.readCData();
      } else if (source.startsWith('<!DOCTYPE', this.pos) || source.startsWith('<!doctype', this.pos)) {
        this.fail('doctype', 'DOCTYPE is not allowed');
      } else if (source.startsWith('<!', this.pos)) {
        this.fail('not-well-formed', 'Markup declarations are not allowed in content');
      } else if (source.startsWith('<?', this.pos)) {
        this.readProcessingInstruction();
      } else {
        this.readStartTag();
      }
    }
  }

  private readText(): void {
    const top = this.top();
    const next = this.source.indexOf('<', this.pos);
    const end = next < 0 ? this.source.length : next;
    const raw = this.source.slice(this.pos, end);
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd >= 0) {
      this.pos += cdataEnd;
      this.fail('not-well-formed', "']]>' is not allowed in text");
    }
    this.checkChars(raw, this.pos);
    const text = this.decodeReferences(raw, this.pos);
    this.appendText(top, text);
    this.pos = end;
  }

  private readCData(): void {
    const top = this.top();
    const start = this.pos + '<![CDATA['.length;
    const end = this.source.indexOf(']]>', start);
    if (end < 0) this.fail('truncated', 'A CDATA section is not closed');
    if (end - start > this.limits.maxTextBytes) {
      this.fail('text-too-long', `The text of ${top.path} is longer than ${this.limits.maxTextBytes} bytes`);
    }
    const text = this.source.slice(start, end);
    this.checkChars(text, start);
    this.appendText(top, text);
    this.pos = end + 3;
  }

  private appendText(element: OpenElement, text: string): void {
    if (text === '') return;
    element.textBytes += Buffer.byteLength(text, 'utf8');
    if (element.textBytes > this.limits.maxTextBytes) {
      this.fail(
        'text-too-long',
        `The text of ${element.path} is longer than ${this.limits.maxTextBytes} bytes`,
      );
    }
    element.text.push(text);
  }

  private readComment(): void {
    const start = this.pos + 4;
    const end = this.source.indexOf('-->', start);
    if (end < 0) this.fail('truncated', 'A comment is not closed');
    const doubleHyphen = this.source.indexOf('--', start);
    if (doubleHyphen < end || this.source.charCodeAt(end - 1) === 0x2d) {
      this.pos = doubleHyphen;
      this.fail('not-well-formed', "'--' is not allowed inside a comment");
    }
    this.checkChars(this.source.slice(start, end), start);
    this.pos = end + 3;
  }

  private readProcessingInstruction(): void {
    this.pos += 2;
    const target = this.readName();
    if (target.toLowerCase() === 'xml') {
      this.fail('not-well-formed', 'The XML declaration is only allowed at the very start');
    }
    const end = this.source.indexOf('?>', this.pos);
    if (end < 0) this.fail('truncated', 'A processing instruction is not closed');
    this.checkChars(this.source.slice(this.pos, end), this.pos);
    this.pos = end + 2;
  }

  private readStartTag(): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined && this.root !== null) {
      this.fail('not-well-formed', 'A document has exactly one root element');
    }
    this.pos += 1;
    const name = this.readName();
    const localName = localPart(name);
    const counts = parent === undefined ? this.rootCounts : parent.childCounts;
    const n = (counts.get(localName) ?? 0) + 1;
    counts.set(localName, n);
    const path = `${parent === undefined ? '' : parent.path}/${localName}${n > 1 ? `[${n}]` : ''}`;
    if (this.stack.length + 1 > this.limits.maxDepth) {
      this.failAt('too-deep', `Elements are nested deeper than ${this.limits.maxDepth} levels`, path);
    }
    this.elementCount += 1;
    if (this.elementCount > this.limits.maxElements) {
      this.failAt(
        'too-many-elements',
        `The document has more than ${this.limits.maxElements} elements`,
        path,
      );
    }

    const raw: { name: string; value: string }[] = [];
    let selfClosing = false;
    for (;;) {
      const sawWhitespace = this.skipWhitespace();
      if (this.pos >= this.source.length)
        this.failAt('truncated', `The start tag <${name}> is not closed`, path);
      if (this.source.charCodeAt(this.pos) === 0x3e /* > */) {
        this.pos += 1;
        break;
      }
      if (this.source.startsWith('/>', this.pos)) {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (!sawWhitespace)
        this.failAt('not-well-formed', `Whitespace is required between attributes of <${name}>`, path);
      const attributeName = this.readName(path);
      if (raw.some((attribute) => attribute.name === attributeName)) {
        this.failAt('not-well-formed', `The attribute ${attributeName} appears twice on <${name}>`, path);
      }
      if (raw.length + 1 > this.limits.maxAttributes) {
        this.failAt(
          'too-many-attributes',
          `<${name}> has more than ${this.limits.maxAttributes} attributes`,
          path,
        );
      }
      this.skipWhitespace();
      if (this.source.charCodeAt(this.pos) !== 0x3d /* = */) {
        this.failAt('not-well-formed', `The attribute ${attributeName} has no value`, path);
      }
      this.pos += 1;
      this.skipWhitespace();
      raw.push({ name: attributeName, value: this.readAttributeValue(path) });
    }

    const scope = this.scopeOf(raw, parent?.scope ?? new Map([['xml', XML_NAMESPACE]]), path);
    const element: OpenElement = {
      name,
      localName,
      namespaceUri: this.resolve(name, scope, true, path),
      attributes: raw.map((attribute) => ({
        name: attribute.name,
        localName: localPart(attribute.name),
        namespaceUri:
          attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')
            ? XMLNS_NAMESPACE
            : this.resolve(attribute.name, scope, false, path),
        value: attribute.value,
      })),
      children: [],
      text: [],
      textBytes: 0,
      path,
      scope,
      childCounts: new Map(),
    };
    if (selfClosing) this.close(element);
    else this.stack.push(element);
  }

  private readEndTag(): void {
    const open = this.top();
    this.pos += 2;
    const name = this.readName(open.path);
    this.skipWhitespace();
    if (this.pos >= this.source.length)
      this.failAt('truncated', `The end tag </${name}> is not closed`, open.path);
    if (this.source.charCodeAt(this.pos) !== 0x3e /* > */) {
      this.failAt('not-well-formed', `The end tag </${name}> is malformed`, open.path);
    }
    if (name !== open.name) {
      this.failAt('mismatched-tag', `</${name}> does not close <${open.name}>`, open.path);
    }
    this.pos += 1;
    this.stack.pop();
    this.close(open);
  }

  private close(open: OpenElement): void {
    const element: XmlElement = {
      name: open.name,
      localName: open.localName,
      namespaceUri: open.namespaceUri,
      attributes: open.attributes,
      children: open.children,
      text: open.text.join(''),
      path: open.path,
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) this.root = element;
    else parent.children.push(element);
  }

  private scopeOf(
    attributes: readonly { name: string; value: string }[],
    inherited: ReadonlyMap<string, string>,
    path: string,
  ): ReadonlyMap<string, string> {
    let scope: Map<string, string> | null = null;
    for (const attribute of attributes) {
      if (attribute.name !== 'xmlns' && !attribute.name.startsWith('xmlns:')) continue;
      const prefix = attribute.name === 'xmlns' ? '' : attribute.name.slice('xmlns:'.length);
      if (prefix !== '' && attribute.value === '') {
        this.failAt('not-well-formed', `The prefix ${prefix} cannot be bound to no namespace`, path);
      }
      if (prefix === 'xmlns' || (prefix === 'xml' && attribute.value !== XML_NAMESPACE)) {
        this.failAt('not-well-formed', `The prefix ${prefix} cannot be redeclared`, path);
      }
      scope ??= new Map(inherited);
      scope.set(prefix, attribute.value);
    }
    return scope ?? inherited;
  }

  private resolve(
    name: string,
    scope: ReadonlyMap<string, string>,
    isElement: boolean,
    path: string,
  ): string | null {
    const colon = name.indexOf(':');
    if (colon < 0) {
      if (!isElement) return null;
      const namespace = scope.get('');
      return namespace === undefined || namespace === '' ? null : namespace;
    }
    const prefix = name.slice(0, colon);
    if (colon === 0 || name.indexOf(':', colon + 1) >= 0 || colon === name.length - 1) {
      this.failAt('not-well-formed', `${name} is not a valid qualified name`, path);
    }
    const namespace = scope.get(prefix);
    if (namespace === undefined)
      this.failAt('unbound-prefix', `The prefix ${prefix} of ${name} is not declared`, path);
    return namespace;
  }

  private readAttributeValue(path: string): string {
    const quote = this.source.charCodeAt(this.pos);
    if (quote !== 0x22 && quote !== 0x27)
      this.failAt('not-well-formed', 'An attribute value must be quoted', path);
    const start = this.pos + 1;
    const end = this.source.indexOf(quote === 0x22 ? '"' : "'", start);
    if (end < 0) this.failAt('truncated', 'An attribute value is not closed', path);
    const raw = this.source.slice(start, end);
    if (raw.length > this.limits.maxTextBytes) {
      this.failAt(
        'text-too-long',
        `An attribute value is longer than ${this.limits.maxTextBytes} bytes`,
        path,
      );
    }
    const lt = raw.indexOf('<');
    if (lt >= 0) {
      this.pos = start + lt;
      this.failAt('not-well-formed', "'<' is not allowed in an attribute value", path);
    }
    this.checkChars(raw, start);
    // Literal whitespace becomes a space (XML 1.0 §3.3.3); whitespace from character references stays.
    const value = this.decodeReferences(raw.replace(/[\t\n\r]/g, ' '), start);
    this.pos = end + 1;
    return value;
  }

  private readName(path?: string): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.source);
    if (match === null) {
      this.failAt('not-well-formed', 'A name is expected here', path ?? this.currentPath());
    }
    const name = match[0];
    if (name.length > this.limits.maxNameLength) {
      this.failAt(
        'name-too-long',
        `A name is longer than ${this.limits.maxNameLength} characters`,
        path ?? this.currentPath(),
      );
    }
    this.pos += name.length;
    return name;
  }

  private decodeReferences(raw: string, offset: number): string {
    let amp = raw.indexOf('&');
    if (amp < 0) return raw;
    let result = '';
    let from = 0;
    while (amp >= 0) {
      const semicolon = raw.indexOf(';', amp);
      const reference = semicolon < 0 ? '' : raw.slice(amp + 1, semicolon);
      if (semicolon < 0 || reference === '') {
        this.pos = offset + amp;
        this.fail('not-well-formed', "'&' must start an entity or character reference");
      }
      result += raw.slice(from, amp) + this.expand(reference, offset + amp);
      from = semicolon + 1;
      amp = raw.indexOf('&', from);
    }
    return result + raw.slice(from);
  }

  private expand(reference: string, at: number): string {
    if (reference.startsWith('#')) {
      const hex = reference.startsWith('#x');
      const digits = reference.slice(hex ? 2 : 1);
      const valid = hex ? /^[0-9A-Fa-f]{1,6}$/.test(digits) : /^[0-9]{1,7}$/.test(digits);
      const code = valid ? Number.parseInt(digits, hex ? 16 : 10) : Number.NaN;
      if (!isXmlChar(code)) {
        this.pos = at;
        this.fail('not-well-formed', `&${reference}; is not a valid character reference`);
      }
      return String.fromCodePoint(code);
    }
    const replacement = PREDEFINED_ENTITIES[reference];
    if (replacement === undefined) {
      this.pos = at;
      const shown = reference.length > 40 ? `${reference.slice(0, 40)}…` : reference;
      this.fail(
        'undefined-entity',
        `The entity &${shown}; is not defined; only the five predefined entities are`,
      );
    }
    return replacement;
  }

  private checkChars(text: string, offset: number): void {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code >= 0x20 && code < 0xd800) continue;
      if (code >= 0xd800 && code <= 0xdbff) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          i += 1;
          continue;
        }
      } else if (isXmlChar(code)) continue;
      this.pos = offset + i;
      this.fail(
        'not-well-formed',
        `The character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`,
      );
    }
  }

  private skipWhitespace(): boolean {
    const start = this.pos;
    while (this.pos < this.source.length && isWhitespace(this.source.charCodeAt(this.pos))) this.pos += 1;
    return this.pos > start;
  }

  private top(): OpenElement {
    const open = this.stack[this.stack.length - 1];
    if (open === undefined) this.fail('not-well-formed', 'Content outside the root element');
    return open;
  }

  private currentPath(): string {
    return this.stack[this.stack.length - 1]?.path ?? '/';
  }

  private fail(reason: XmlErrorReason, detail: string): never {
    this.failAt(reason, detail, this.currentPath());
  }

  private failAt(reason: XmlErrorReason, detail: string, path: string): never {
    const at = Math.min(this.pos, this.source.length);
    let line = 1;
    let lineStart = 0;
    for (
      let newline = this.source.indexOf('\n');
      newline >= 0 && newline < at;
      newline = this.source.indexOf('\n', newline + 1)
    ) {
      line += 1;
      lineStart = newline + 1;
    }
    throw new XmlReadError(reason, detail, line, at - lineStart + 1, path);
  }
}

/**
 * Reads an untrusted XML document into a small element tree, or throws {@link XmlReadError}: not
 * well-formed, a DOCTYPE, an entity other than the five predefined ones, or a limit broken.
 */
export function readXml(source: string, limits: Partial<XmlLimits> = {}): XmlElement {
  return new XmlReader(source, { ...DEFAULT_XML_LIMITS, ...limits }).read();
}
