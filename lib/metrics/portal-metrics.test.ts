import { describe, expect, it } from 'vitest';
import { parseMetrics, sampleValue } from '@/test/helpers/prometheus-text';
import { countLoginFailure, observeEventFeedLag, observeRequest, portalMetrics, rancherOutcome, timeAuditWrite, timeRancherRequest, trackOpenWebsocket } from './portal-metrics';

async function scrape() {
  return parseMetrics(await portalMetrics().registry.metrics());
}

describe('portal metrics', () => {
  it('keep one registry per process, whichever bundle asks first', () => {
    expect(portalMetrics()).toBe(portalMetrics());
  });

  it('count requests by route template and status, and unknown paths under one label', async () => {
    const before = await scrape();
    observeRequest('GET', '/api/v1/stacks/1st5', 200, 0.012);
    observeRequest('GET', '/no/such/page', 404, 0.001);
    const after = await scrape();
    const labels = { method: 'GET', route: '/api/v1/stacks/{stackId}', status: '200' };
    expect(sampleValue(after, 'spin_portal_http_requests_total', labels) - sampleValue(before, 'spin_portal_http_requests_total', labels)).toBe(1);
    expect(sampleValue(after, 'spin_portal_http_requests_total', { route: '(not found)', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(after.find((f) => f.name === 'spin_portal_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(JSON.stringify(after)).not.toContain('/no/such/page');
  });

  it('count open websockets by kind until they close', async () => {
    const listeners: (() => void)[] = [];
    trackOpenWebsocket('shell', { once: (_event, listener) => listeners.push(listener) });
    expect(sampleValue(await scrape(), 'spin_portal_websockets_open', { kind: 'shell' })).toBe(1);
    listeners.forEach((close) => close());
    expect(sampleValue(await scrape(), 'spin_portal_websockets_open', { kind: 'shell' })).toBe(0);
  });

  it('time Rancher requests by outcome, audit writes, event lag and login failures', async () => {
    await timeRancherRequest('GET', async () => ({ status: 200 }));
    await timeRancherRequest('POST', async () => ({ status: 422 }));
    await expect(timeRancherRequest('GET', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await timeAuditWrite(async () => 1);
    await expect(timeAuditWrite(() => Promise.reject(new Error('down')))).rejects.toThrow('down');
    observeEventFeedLag(Date.now() - 1500);
    observeEventFeedLag(undefined);
    countLoginFailure('bind-rejected');
    const m = await scrape();
    expect(sampleValue(m, 'spin_portal_rancher_requests_total', { method: 'GET', outcome: 'ok' })).toBe(1);
    expect(sampleValue(m, 'spin_portal_rancher_requests_total', { method: 'POST', outcome: 'refused' })).toBe(1);
    expect(sampleValue(m, 'spin_portal_rancher_requests_total', { method: 'GET', outcome: 'unreachable' })).toBe(1);
    expect(m.find((f) => f.name === 'spin_portal_rancher_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(sampleValue(m, 'spin_portal_audit_writes_total', { outcome: 'ok' })).toBe(1);
    expect(sampleValue(m, 'spin_portal_audit_writes_total', { outcome: 'failed' })).toBe(1);
    expect(sampleValue(m, 'spin_portal_audit_write_duration_seconds')).toBe(2);
    expect(sampleValue(m, 'spin_portal_event_feed_lag_seconds')).toBe(1);
    expect(m.find((f) => f.name === 'spin_portal_event_feed_lag_seconds')?.metrics[0]?.sum).toMatch(/^1\.[45]/);
    expect(sampleValue(m, 'spin_portal_login_failures_total', { reason: 'bind-rejected' })).toBe(1);
  });

  it('classify Rancher answers', () => {
    expect([undefined, 0, 200, 404, 503].map(rancherOutcome)).toEqual(['unreachable', 'unreachable', 'ok', 'refused', 'failed']);
  });
});
