import 'server-only';

/**
 * Whether a browser request comes from one of our own pages: its Origin is one of the public origins
 * the portal is served under (NEXTAUTH_URL, ALLOWED_ORIGINS). The request's Host is never consulted:
 * a client chooses it, so "Origin matches Host" holds for any site that points a name at the portal.
 */
export function isAllowedOrigin(origin: string | undefined | null, allowed: readonly string[]): boolean {
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return allowed.some((a) => {
    try {
      return new URL(a).origin === parsed.origin;
    } catch {
      return false;
    }
  });
}
