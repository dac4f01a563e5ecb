import 'server-only';

/**
 * Where to send someone after login: only a path on this site, so a crafted link cannot bounce a fresh
 * session to another site ("//evil.example" and "/\evil.example" are other hosts to a browser).
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = '/'): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(candidate)) return fallback;
  return candidate;
}
