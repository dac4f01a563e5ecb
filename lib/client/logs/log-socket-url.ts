export const tailSizes = ['100', '500', '1000', 'all'] as const;
export type TailSize = (typeof tailSizes)[number];
export const defaultTailSize: TailSize = '500';

/**
 * The logs websocket of a container on the page's own host (ws: or wss: after the page's scheme).
 *
 * @example logSocketUrl({ protocol: 'https:', host: 'portal.example' }, '1i5', '500')
 *   // 'wss://portal.example/api/v1/containers/1i5/logs?tail=500&follow=1'
 */
export function logSocketUrl(page: { protocol: string; host: string }, containerId: string, tail: TailSize): string {
  const scheme = page.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${page.host}/api/v1/containers/${encodeURIComponent(containerId)}/logs?tail=${tail}&follow=1`;
}
