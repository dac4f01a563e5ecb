import 'server-only';
import { randomBytes } from 'node:crypto';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of every page: scripts only from this origin or carrying the per-request
 * nonce (Next reads it from the request's CSP header and stamps its own inline scripts with it), no
 * framing. Styles allow inline attributes because React and xterm.js set element styles directly.
 */
export function contentSecurityPolicy(nonce: string, options: { isDev?: boolean } = {}): string {
  const scriptSrc = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(options.isDev ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${scriptSrc.join(' ')}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self' ws: wss:`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** Headers every response carries, whatever serves it (pages, API, static files, errors). */
export function securityHeaders(options: { nonce: string; isSecure: boolean; isDev?: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options.nonce, { isDev: options.isDev }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(options.isSecure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
