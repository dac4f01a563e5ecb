/**
 * The shell websocket's address on the page's own host (the relay is same-origin only).
 *
 * @example shellSocketUrl({ protocol: 'https:', host: 'portal.example' }, '1i42', { cols: 80, rows: 24 })
 *   // 'wss://portal.example/api/v1/containers/1i42/shell?cols=80&rows=24'
 */
export function shellSocketUrl(location: { protocol: string; host: string }, containerId: string, size: { cols: number; rows: number }): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = new URLSearchParams({ cols: String(clampDimension(size.cols)), rows: String(clampDimension(size.rows)) });
  return `${scheme}://${location.host}/api/v1/containers/${encodeURIComponent(containerId)}/shell?${query.toString()}`;
}

/** The relay accepts 1-1000 columns and rows; a hidden or tiny panel must not make it refuse the shell. */
export function clampDimension(value: number): number {
  if (!Number.isFinite(value)) return 1;
  return Math.min(1000, Math.max(1, Math.round(value)));
}
