export type StatsSocketTarget = { stackId: string; serviceId: string } | { containerId: string };

/**
 * The stats websocket of a service or one container on the page's own host (ws: or wss: after the
 * page's scheme), DESIGN.md "Resource statistics".
 *
 * @example statsSocketUrl({ protocol: 'https:', host: 'portal.example' }, { containerId: '1i5' })
 *   // 'wss://portal.example/api/v1/containers/1i5/stats'
 */
export function statsSocketUrl(page: { protocol: string; host: string }, target: StatsSocketTarget): string {
  const scheme = page.protocol === 'https:' ? 'wss' : 'ws';
  const path =
    'containerId' in target
      ? `/api/v1/containers/${encodeURIComponent(target.containerId)}/stats`
      : `/api/v1/stacks/${encodeURIComponent(target.stackId)}/services/${encodeURIComponent(target.serviceId)}/stats`;
  return `${scheme}://${page.host}${path}`;
}
