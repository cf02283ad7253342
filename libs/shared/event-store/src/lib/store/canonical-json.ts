/**
 * JSON with object keys sorted at every level: the same value always gives the same text, whatever
 * order its keys were built in or came back from jsonb in. The tamper-evidence hash is taken over
 * it, and appends store exactly this text, so it is on the hot path: plain loops, no intermediate arrays.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return arrayJson(value);
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      return objectJson(value as Record<string, unknown>);
    default:
      throw new TypeError(`${typeof value} cannot be stored in an event`);
  }
}

function arrayJson(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) text += ',';
    const item = items[index];
    text +=
      item === undefined || typeof item === 'function' || typeof item === 'symbol'
        ? 'null'
        : canonicalJson(item);
  }
  return text + ']';
}

function objectJson(object: Record<string, unknown>): string {
  const keys = Object.keys(object).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const item = object[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    if (!first) text += ',';
    first = false;
    text += JSON.stringify(key) + ':' + canonicalJson(item);
  }
  return text + '}';
}
