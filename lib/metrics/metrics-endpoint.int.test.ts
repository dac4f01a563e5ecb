import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { parseMetrics, sampleValue, type MetricFamilies } from '@/test/helpers/prometheus-text';
import { SocketClient } from '@/test/helpers/socket-client';

// /api/metrics on a portal behind one proxy (TRUST_PROXY=1) whose monitoring range is loopback: a
// request straight from loopback is the allowlisted scraper, one forwarded for another client is not.
let world: PortalWorld;

beforeAll(async () => {
  world = await startPortalWorld({}, { METRICS_ALLOWED_ADDRESSES: '127.0.0.1/32', TRUST_PROXY: '1' });
}, 300_000);

afterAll(async () => {
  await world?.close();
});

async function scrape(): Promise<MetricFamilies> {
  const res = await fetch(`${world.portal.url}/api/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(await res.text());
}

describe('GET /api/metrics', () => {
  it('parses as Prometheus text and moves when requests are made', async () => {
    const stacks = { method: 'GET', route: '/api/v1/stacks', status: '200' };
    const before = await scrape();
    const cookie = await signIn(world.portal.url, 'fred');
    for (let i = 0; i < 3; i++) expect((await fetch(`${world.portal.url}/api/v1/stacks`, { headers: { cookie } })).status).toBe(200);
    await expect(signIn(world.portal.url, 'fred', 'wrong-password')).rejects.toThrow();

    const logs = new SocketClient(world.portal.url, '/api/v1/containers/1i1/logs', cookie);
    await logs.opened;
    const during = await scrape();
    logs.ws.close();
    await logs.closed;
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(moved('spin_portal_http_requests_total', stacks)).toBe(3);
    expect(moved('spin_portal_login_failures_total', { reason: 'bind-rejected' })).toBe(1);
    expect(moved('spin_portal_rancher_requests_total', { method: 'GET', outcome: 'ok' })).toBeGreaterThan(0);
    expect(moved('spin_portal_audit_writes_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    expect(moved('spin_portal_audit_write_duration_seconds')).toBeGreaterThanOrEqual(2);
    expect(sampleValue(during, 'spin_portal_websockets_open', { kind: 'logs' })).toBe(1);
    await expect.poll(async () => sampleValue(await scrape(), 'spin_portal_websockets_open', { kind: 'logs' })).toBe(0);
    expect(after.find((f) => f.name === 'spin_portal_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
  });

  it('answers 403 to a client outside the range, and to a wrong token', async () => {
    const outside = await fetch(`${world.portal.url}/api/metrics`, { headers: { 'x-forwarded-for': '192.0.2.7' } });
    expect(outside.status).toBe(403);
    expect(outside.headers.get('content-type')).toBe('application/problem+json');
    expect(await outside.text()).not.toContain('spin_portal_');
    const wrongToken = await fetch(`${world.portal.url}/api/metrics`, { headers: { 'x-forwarded-for': '192.0.2.7', authorization: 'Bearer not-the-token-at-all-no' } });
    expect(wrongToken.status).toBe(403);
  });
});
