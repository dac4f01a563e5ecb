/** The path of a request target, without its query. */
export function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0] ?? '/';
}

/** Whether every `%` in a path starts a valid UTF-8 escape: Next and the upgrade router decode paths. */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export const malformedPathMessage = 'The path has malformed percent-encoding (a % must start an escape such as %20).';
