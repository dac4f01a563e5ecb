import 'server-only';

/** The path of a request target, without its query. */
export function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0] ?? '/';
}

/**
 * Whether a request target is a plain path ("/…", not "*" or an absolute URL, which Next answers with a
 * 500 or a redirect to itself) whose every `%` starts a valid UTF-8 escape: Next and the upgrade
 * router decode paths, and a bad escape throws.
 */
export function isPlainPath(path: string): boolean {
  if (!path.startsWith('/')) return false;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export const malformedPathMessage = 'The request path is not a plain path or has malformed percent-encoding (a % must start an escape such as %20).';
