import 'server-only';

/**
 * Escapes a value for an LDAP search filter (RFC 4515, section 3): the characters that end or nest a
 * filter, `*` (which would turn equality into a wildcard) and NUL become `\XX` hex escapes.
 *
 * @example escapeFilterValue('fred)(uid=*') === 'fred\\29\\28uid=\\2a'
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Escapes a value for one attribute of a DN (RFC 4514, section 2.4): the separators and quoting
 * characters get a backslash, as do a leading `#` or space and a trailing space; NUL becomes `\00`.
 * `=` is escaped too (allowed by the RFC) so a value can never read as another attribute assignment.
 *
 * @example escapeDnValue('fred,ou=admins') === 'fred\\,ou\\=admins'
 */
export function escapeDnValue(value: string): string {
  const chars = Array.from(value);
  const last = chars.length - 1;
  return chars
    .map((c, i) => {
      if (c === '\0') return '\\00';
      if ('\\"+,;<>='.includes(c)) return `\\${c}`;
      if ((i === 0 && (c === ' ' || c === '#')) || (i === last && c === ' ')) return `\\${c}`;
      return c;
    })
    .join('');
}
