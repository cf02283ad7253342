/** One place where two values differ, addressed by a path from the root (`$`). */
export interface Difference {
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /** Why they differ when the values alone do not say it (a missing key, another kind of value). */
  readonly reason?: string;
}

/** Shown for a key or element that is absent on one side. */
export const MISSING: unique symbol = Symbol('missing');

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function child(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

type Kind =
  'primitive' | 'array' | 'date' | 'regexp' | 'map' | 'set' | 'bytes' | 'error' | 'function' | 'object';

function kindOf(value: unknown): Kind {
  if (typeof value === 'function') return 'function';
  if (typeof value !== 'object' || value === null) return 'primitive';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regexp';
  if (value instanceof Map) return 'map';
  if (value instanceof Set) return 'set';
  if (ArrayBuffer.isView(value)) return 'bytes';
  if (value instanceof Error) return 'error';
  return 'object';
}

/** An expected value that decides itself what it matches: jest's `expect.any(String)`, `expect.stringMatching(…)`. */
export interface AsymmetricMatcher {
  asymmetricMatch(actual: unknown): boolean;
}

function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcher {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === 'function'
  );
}

function samePrimitive(actual: unknown, expected: unknown): boolean {
  // 0 and -0 are the same number once stored as JSON; NaN is equal to itself here, as in Object.is.
  return actual === expected || (Number.isNaN(actual) && Number.isNaN(expected));
}

/** Own enumerable keys whose value is not `undefined`: a key set to undefined is absent once stored as JSON. */
function definedKeys(value: object): string[] {
  return Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
}

class Comparison {
  readonly differences: Difference[] = [];
  // Pairs already being compared, so that cyclic structures terminate.
  private readonly visiting = new Map<object, Set<object>>();

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.differences.length >= this.limit;
  }

  add(difference: Difference): void {
    if (!this.full) this.differences.push(difference);
  }

  compare(actual: unknown, expected: unknown, path: string): void {
    if (this.full || samePrimitive(actual, expected)) return;
    if (isAsymmetricMatcher(expected)) {
      if (!expected.asymmetricMatch(actual)) this.add({ path, expected, actual });
      return;
    }
    const kind = kindOf(expected);
    if (kindOf(actual) !== kind) {
      this.add({
        path,
        expected,
        actual,
        reason: `expected ${describeKind(expected)}, received ${describeKind(actual)}`,
      });
      return;
    }
    if (kind === 'primitive' || kind === 'function') {
      const [e, a] = [describeKind(expected), describeKind(actual)];
      this.add(
        e === a
          ? { path, expected, actual }
          : { path, expected, actual, reason: `expected ${e}, received ${a}` },
      );
      return;
    }
    const a = actual as object;
    const e = expected as object;
    const pairs = this.visiting.get(a) ?? new Set<object>();
    if (pairs.has(e)) return;
    pairs.add(e);
    this.visiting.set(a, pairs);
    try {
      this.compareObjects(kind, a, e, path);
    } finally {
      pairs.delete(e);
    }
  }

  private compareObjects(kind: Kind, actual: object, expected: object, path: string): void {
    switch (kind) {
      case 'date': {
        const a = (actual as Date).getTime();
        const e = (expected as Date).getTime();
        if (!samePrimitive(a, e)) this.add({ path, expected, actual });
        return;
      }
      case 'regexp':
        if ((actual as RegExp).toString() !== (expected as RegExp).toString())
          this.add({ path, expected, actual });
        return;
      case 'error': {
        const a = actual as Error;
        const e = expected as Error;
        if (a.name !== e.name || a.message !== e.message) this.add({ path, expected, actual });
        this.compareKeys(actual, expected, path);
        return;
      }
      case 'array':
        this.compareSequences(actual as readonly unknown[], expected as readonly unknown[], path);
        return;
      case 'bytes':
        this.compareSequences(
          Array.from(actual as unknown as ArrayLike<unknown>),
          Array.from(expected as unknown as ArrayLike<unknown>),
          path,
        );
        return;
      case 'map':
        this.compareMaps(
          actual as ReadonlyMap<unknown, unknown>,
          expected as ReadonlyMap<unknown, unknown>,
          path,
        );
        return;
      case 'set':
        this.compareSets(actual as ReadonlySet<unknown>, expected as ReadonlySet<unknown>, path);
        return;
      default:
        this.compareKeys(actual, expected, path);
    }
  }

  private compareSequences(actual: readonly unknown[], expected: readonly unknown[], path: string): void {
    const length = Math.max(actual.length, expected.length);
    for (let index = 0; index < length && !this.full; index++) {
      const at = `${path}[${index}]`;
      if (index >= actual.length) {
        this.add({ path: at, expected: expected[index], actual: MISSING, reason: 'missing element' });
      } else if (index >= expected.length) {
        this.add({ path: at, expected: MISSING, actual: actual[index], reason: 'unexpected element' });
      } else {
        this.compare(actual[index], expected[index], at);
      }
    }
  }

  private compareKeys(actual: object, expected: object, path: string): void {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const actualKeys = new Set(definedKeys(actual));
    for (const key of definedKeys(expected)) {
      if (this.full) return;
      if (actualKeys.has(key)) {
        this.compare(a[key], e[key], child(path, key));
      } else {
        this.add({ path: child(path, key), expected: e[key], actual: MISSING, reason: 'missing key' });
      }
      actualKeys.delete(key);
    }
    for (const key of actualKeys) {
      this.add({ path: child(path, key), expected: MISSING, actual: a[key], reason: 'unexpected key' });
    }
  }

  private compareMaps(
    actual: ReadonlyMap<unknown, unknown>,
    expected: ReadonlyMap<unknown, unknown>,
    path: string,
  ): void {
    for (const [key, value] of expected) {
      const at = `${path}.get(${formatValue(key)})`;
      if (actual.has(key)) this.compare(actual.get(key), value, at);
      else this.add({ path: at, expected: value, actual: MISSING, reason: 'missing key' });
    }
    for (const [key, value] of actual) {
      if (!expected.has(key)) {
        this.add({
          path: `${path}.get(${formatValue(key)})`,
          expected: MISSING,
          actual: value,
          reason: 'unexpected key',
        });
      }
    }
  }

  private compareSets(actual: ReadonlySet<unknown>, expected: ReadonlySet<unknown>, path: string): void {
    // Members are matched structurally, each actual member used at most once.
    const unmatched = [...actual];
    for (const member of expected) {
      const index = unmatched.findIndex((candidate) => isStructurallyEqual(candidate, member));
      if (index === -1) {
        this.add({ path, expected: member, actual: MISSING, reason: 'missing member' });
      } else {
        unmatched.splice(index, 1);
      }
    }
    for (const member of unmatched) {
      this.add({ path, expected: MISSING, actual: member, reason: 'unexpected member' });
    }
  }
}

function describeKind(value: unknown): string {
  const kind = kindOf(value);
  if (kind === 'primitive') return value === null ? 'null' : typeof value;
  if (kind === 'object') return 'an object';
  return kind === 'array' ? 'an array' : `a ${kind}`;
}

/**
 * Where `actual` differs from `expected`, compared by structure as JSON would store them: objects by
 * their own enumerable keys (a key holding `undefined` counts as absent; prototypes are ignored),
 * arrays and byte arrays element by element, dates by time, maps by key, sets by structural members,
 * errors by name and message. An expected {@link AsymmetricMatcher} matches what it accepts. Stops
 * after `limit` differences.
 */
export function structuralDifferences(actual: unknown, expected: unknown, limit = 20): readonly Difference[] {
  const comparison = new Comparison(limit);
  comparison.compare(actual, expected, '$');
  return comparison.differences;
}

/** Whether two values are equal by the rules of {@link structuralDifferences}. */
export function isStructurallyEqual(actual: unknown, expected: unknown): boolean {
  return structuralDifferences(actual, expected, 1).length === 0;
}

const MAX_DEPTH = 12;

function className(value: object): string {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null || prototype === Object.prototype) return '';
  const constructor: unknown = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name !== '' ? `${constructor.name} ` : '';
}

function formatKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

function format(value: unknown, indent: string, multiline: boolean, seen: Set<object>): string {
  if (value === MISSING) return '<missing>';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
      return String(value);
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (object instanceof Date) {
    return Number.isNaN(object.getTime()) ? 'Date(Invalid)' : `Date(${object.toISOString()})`;
  }
  if (object instanceof RegExp) return String(object);
  if (object instanceof Error) return `${object.name}(${JSON.stringify(object.message)})`;
  if (isAsymmetricMatcher(object)) return formatMatcher(object, seen);
  if (seen.has(object)) return '[Circular]';
  if (seen.size >= MAX_DEPTH) return '[…]';
  seen.add(object);
  try {
    const inner = `${indent}  `;
    const wrap = (open: string, parts: readonly string[], close: string, pad = ' '): string => {
      if (parts.length === 0) return `${open}${close}`;
      return multiline
        ? `${open}\n${parts.map((part) => `${inner}${part}`).join(',\n')}\n${indent}${close}`
        : `${open}${pad}${parts.join(', ')}${pad}${close}`;
    };
    const item = (member: unknown): string => format(member, inner, multiline, seen);
    if (Array.isArray(object)) return wrap('[', object.map(item), ']', '');
    if (ArrayBuffer.isView(object)) {
      return `${className(object)}[${Array.from(object as unknown as ArrayLike<unknown>, item).join(', ')}]`;
    }
    if (object instanceof Map) {
      return `Map ${wrap(
        '{',
        [...object].map(([key, member]) => `${item(key)} => ${item(member)}`),
        '}',
      )}`;
    }
    if (object instanceof Set) return `Set ${wrap('{', [...object].map(item), '}')}`;
    const record = object as Record<string, unknown>;
    const parts = Object.keys(record).map((key) => `${formatKey(key)}: ${item(record[key])}`);
    return `${className(object)}${wrap('{', parts, '}')}`;
  } finally {
    seen.delete(object);
  }
}

// As jest prints its matchers: `Any<String>`, `StringMatching /^a/`.
function formatMatcher(matcher: AsymmetricMatcher, seen: Set<object>): string {
  const described = matcher as { toAsymmetricMatcher?: unknown; toString(): string; sample?: unknown };
  if (typeof described.toAsymmetricMatcher === 'function')
    return String(described.toAsymmetricMatcher.call(matcher));
  if (described.toString === Object.prototype.toString) return '<asymmetric matcher>';
  const name = described.toString();
  return 'sample' in described ? `${name} ${format(described.sample, '', false, seen)}` : name;
}

/**
 * A readable rendering of any value for failure messages: strings quoted, bigints with `n`, dates as
 * ISO instants, class instances with their class name, cycles as `[Circular]`. Multi-line and
 * indented when `multiline` is set, one line otherwise.
 */
export function formatValue(value: unknown, multiline = false): string {
  return format(value, '', multiline, new Set());
}

const INLINE_LIMIT = 120;

function inline(value: unknown): string {
  const text = formatValue(value);
  return text.length > INLINE_LIMIT ? `${text.slice(0, INLINE_LIMIT - 1)}…` : text;
}

/** The differences as lines: `$.data.amount: expected 5, received 4`. */
export function describeDifferences(differences: readonly Difference[]): string {
  return differences
    .map((difference) => {
      const values = `expected ${inline(difference.expected)}, received ${inline(difference.actual)}`;
      return `  ${difference.path}: ${difference.reason ? `${difference.reason}: ` : ''}${values}`;
    })
    .join('\n');
}

/** A specification's expectation did not hold; the message lists the differences and both values. */
export class SpecificationFailure extends Error {
  constructor(
    message: string,
    readonly differences: readonly Difference[] = [],
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SpecificationFailure';
  }
}

/**
 * Throws a {@link SpecificationFailure} unless `actual` equals `expected` structurally. The message
 * starts with `title`, lists where they differ, then shows both values in full.
 */
export function assertStructurallyEqual(actual: unknown, expected: unknown, title: string): void {
  const differences = structuralDifferences(actual, expected);
  if (differences.length === 0) return;
  throw new SpecificationFailure(
    `${title}\n${describeDifferences(differences)}\n\nExpected:\n${formatValue(expected, true)}\n\nReceived:\n${formatValue(actual, true)}`,
    differences,
  );
}
