/**
 * Whether a browser request comes from one of our own pages. A browser always sends the Host it asked
 * for, so an Origin naming that same host is ours; `allowed` adds the public names the portal is served
 * under (NEXTAUTH_URL, ALLOWED_ORIGINS) for when a proxy rewrites Host.
 */
export function isSameOrigin(origin: string | undefined | null, host: string | undefined | null, allowed: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (host && parsed.host === host.toLowerCase()) return true;
  return allowed.some((a) => {
    try {
      return new URL(a).origin === parsed.origin;
    } catch {
      return false;
    }
  });
}
