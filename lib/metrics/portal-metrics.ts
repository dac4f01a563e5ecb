import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { routeLabel } from './route-label';

/** Seconds: from a fast API answer (5 ms) to a slow Rancher action or log page (30 s). */
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'spin_portal_' });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'spin_portal_http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'spin_portal_http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by method and route',
      labelNames: ['method', 'route'] as const,
      buckets: latencyBuckets,
      registers,
    }),
    openWebsockets: new Gauge({
      name: 'spin_portal_websockets_open',
      help: 'Websockets open now, by kind (logs, shell, changes)',
      labelNames: ['kind'] as const,
      registers,
    }),
    rancherRequests: new Counter({
      name: 'spin_portal_rancher_requests_total',
      help: 'Requests to Rancher, by method and outcome (ok; refused: Rancher answered 4xx; failed: 5xx; unreachable: no answer)',
      labelNames: ['method', 'outcome'] as const,
      registers,
    }),
    rancherDuration: new Histogram({
      name: 'spin_portal_rancher_request_duration_seconds',
      help: 'Time Rancher took to answer (or to fail), by method',
      labelNames: ['method'] as const,
      buckets: latencyBuckets,
      registers,
    }),
    auditWrites: new Counter({
      name: 'spin_portal_audit_writes_total',
      help: 'Appends to the audit chain (one transaction each), by outcome',
      labelNames: ['outcome'] as const,
      registers,
    }),
    auditDuration: new Histogram({
      name: 'spin_portal_audit_write_duration_seconds',
      help: 'Time to append to the audit chain, waiting for other appenders included',
      buckets: latencyBuckets,
      registers,
    }),
    eventFeedLag: new Histogram({
      name: 'spin_portal_event_feed_lag_seconds',
      help: "Time from a Rancher event's timestamp to the portal handling it",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    }),
    statsPoints: new Counter({
      name: 'spin_portal_stats_points_total',
      help: 'Resource statistics points for browsers, by outcome (sent; superseded: replaced by a newer one while the browser was behind)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    statsBuffered: new Histogram({
      name: 'spin_portal_stats_buffered_bytes',
      help: 'Bytes a stats websocket holds for its browser right after each point is sent',
      buckets: [256, 512, 1024, 2048, 4096, 16_384, 65_536],
      registers,
    }),
    loginFailures: new Counter({
      name: 'spin_portal_login_failures_total',
      help: 'Refused or failed sign-ins, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
  };
}

type PortalMetrics = ReturnType<typeof createMetrics>;

// The custom server and Next's route handlers are bundled apart but run in one process: both must
// count into the one registry that /api/metrics serves.
const holder = globalThis as typeof globalThis & { spinPortalMetrics?: PortalMetrics };

export function portalMetrics(): PortalMetrics {
  holder.spinPortalMetrics ??= createMetrics();
  return holder.spinPortalMetrics;
}

export function observeRequest(method: string | undefined, path: string, status: number, seconds: number): void {
  const metrics = portalMetrics();
  const labels = { method: method ?? 'GET', route: status === 404 ? '(not found)' : routeLabel(path) };
  metrics.httpRequests.inc({ ...labels, status: String(status) });
  metrics.httpDuration.observe(labels, seconds);
}

/** Counts a websocket as open until `socket` emits close. */
export function trackOpenWebsocket(kind: string, socket: { once(event: 'close', listener: () => void): unknown }): void {
  const gauge = portalMetrics().openWebsockets;
  gauge.inc({ kind });
  socket.once('close', () => gauge.dec({ kind }));
}

export type RancherOutcome = 'ok' | 'refused' | 'failed' | 'unreachable';

export function rancherOutcome(status: number | undefined): RancherOutcome {
  if (status === undefined || status === 0) return 'unreachable';
  if (status >= 500) return 'failed';
  if (status >= 400) return 'refused';
  return 'ok';
}

/** Times `work` as one Rancher request; its outcome comes from the HTTP status it answered, or is `unreachable`. */
export async function timeRancherRequest<T extends { status: number }>(method: string, work: () => Promise<T>): Promise<T> {
  const metrics = portalMetrics();
  const stop = metrics.rancherDuration.startTimer({ method });
  let outcome: RancherOutcome = 'unreachable';
  try {
    const answer = await work();
    outcome = rancherOutcome(answer.status);
    return answer;
  } finally {
    stop();
    metrics.rancherRequests.inc({ method, outcome });
  }
}

export async function timeAuditWrite<T>(work: () => Promise<T>): Promise<T> {
  const metrics = portalMetrics();
  const stop = metrics.auditDuration.startTimer();
  let outcome = 'failed';
  try {
    const result = await work();
    outcome = 'ok';
    return result;
  } finally {
    stop();
    metrics.auditWrites.inc({ outcome });
  }
}

/** `eventTimeMs` is the event's own timestamp (Rancher's `time`); events without one are not counted. */
export function observeEventFeedLag(eventTimeMs: number | null | undefined, nowMs = Date.now()): void {
  if (typeof eventTimeMs !== 'number') return;
  portalMetrics().eventFeedLag.observe(Math.max(0, nowMs - eventTimeMs) / 1000);
}

export function countLoginFailure(reason: string): void {
  portalMetrics().loginFailures.inc({ reason });
}
