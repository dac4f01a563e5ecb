import 'server-only';
import type { Entry } from 'ldapts';

/**
 * Every value of `name` in an entry, as text. ldapts gives a single value as a string and several as an
 * array, and servers spell attribute names as they like (`uidNumber`, `uidnumber`).
 */
export function attributeValues(entry: Entry, name: string): string[] {
  const wanted = name.toLowerCase();
  const key = Object.keys(entry).find((k) => k !== 'dn' && k.toLowerCase() === wanted);
  const raw = key === undefined ? undefined : entry[key];
  if (raw === undefined) return [];
  const values = Array.isArray(raw) ? raw : [raw];
  return values.map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
}

export function firstAttributeValue(entry: Entry, name: string): string | undefined {
  return attributeValues(entry, name)[0];
}
