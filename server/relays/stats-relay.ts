import type { StatsTarget } from '@/lib/rancher/backend';
import type { OperationContext } from '@/lib/operations/operation-context';
import { portalMetrics } from '@/lib/metrics/portal-metrics';
import { PointSender } from '@/lib/stats/point-sender';
import { authorizeContainerStats, authorizeServiceStats } from '@/lib/stats/stats-access';
import { followStatsPoints } from '@/lib/stats/stats-points';
import type { UpgradeContext, UpgradeRoute } from '../upgrade-router';
import { processRelayServices, relayContext, type RelayServices } from './relay-context';
import { takeSocketSlot } from './socket-quota';

/** A stopped container sends nothing for a while: a ping keeps idle proxies from closing the socket. */
const keepaliveMs = 30_000;

type AuthorizeTarget = (ctx: OperationContext, params: string[]) => Promise<StatsTarget>;

/**
 * Pushes a container's or service's resource points (DESIGN.md "Resource statistics"): the logs
 * socket's checks (session 401, Origin 403 in the router, `view` on the stack 404, a free socket slot
 * 429), then one frame per point. Nothing is recorded: looking at a chart is not an action.
 */
async function handle(upgrade: UpgradeContext, services: RelayServices, authorizeTarget: AuthorizeTarget): Promise<void> {
  const ctx = await relayContext(upgrade, services);
  const target = await authorizeTarget(ctx, upgrade.params);
  if (!takeSocketSlot(upgrade, ctx.user.uid, services.maxSocketsPerUser())) return;
  const ws = await upgrade.accept();
  const metrics = portalMetrics();
  const abort = new AbortController();
  const sender = new PointSender(ws, (bytes) => metrics.statsBuffered.observe(bytes));
  ws.on('close', () => abort.abort());
  ws.on('error', () => abort.abort());
  const keepalive = setInterval(() => ws.ping(), keepaliveMs);
  try {
    for await (const points of followStatsPoints(ctx.backend, target, abort.signal)) sender.offer(points);
    if (ws.readyState === ws.OPEN) ws.close(1000, 'Rancher ended the statistics');
  } catch (err) {
    if (!abort.signal.aborted) {
      ctx.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'stats relay failed');
      if (ws.readyState === ws.OPEN) ws.close(1011, 'Rancher stopped sending statistics; reconnect to resume.');
    }
  } finally {
    abort.abort();
    clearInterval(keepalive);
    sender.stop();
    metrics.statsPoints.inc({ outcome: 'sent' }, sender.counts.sent);
    metrics.statsPoints.inc({ outcome: 'superseded' }, sender.counts.superseded);
  }
}

/** `/api/v1/containers/{containerId}/stats` with the process's (or a test's) session check and Rancher. */
export function containerStatsRelay(services: RelayServices = processRelayServices): UpgradeRoute {
  const authorizeTarget: AuthorizeTarget = (ctx, [containerId]) => authorizeContainerStats(ctx.backend, ctx.user, containerId ?? '');
  return { name: 'stats', pattern: /^\/api\/v1\/containers\/([^/]+)\/stats$/, handle: (upgrade) => handle(upgrade, services, authorizeTarget) };
}

/** `/api/v1/stacks/{stackId}/services/{serviceId}/stats`. */
export function serviceStatsRelay(services: RelayServices = processRelayServices): UpgradeRoute {
  const authorizeTarget: AuthorizeTarget = (ctx, [stackId, serviceId]) => authorizeServiceStats(ctx.backend, ctx.user, stackId ?? '', serviceId ?? '');
  return { name: 'stats', pattern: /^\/api\/v1\/stacks\/([^/]+)\/services\/([^/]+)\/stats$/, handle: (upgrade) => handle(upgrade, services, authorizeTarget) };
}

export const containerStatsRoute = containerStatsRelay();
export const serviceStatsRoute = serviceStatsRelay();
