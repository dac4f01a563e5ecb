import 'server-only';

/**
 * JSON with object keys sorted at every level and no whitespace, so equal values always give the same
 * bytes (and the same hash), whatever order a caller built them in. `undefined` members are dropped, as
 * JSON.stringify does.
 *
 * @example canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] }) === '{"a":[true,{"c":"x","d":null}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (isSerializable(value)) return canonicalJson(value.toJSON());
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot represent ${typeof value} in JSON`);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

function isSerializable(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
