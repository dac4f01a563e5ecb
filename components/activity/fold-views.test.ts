import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from '@/lib/domain/activity/activity-event';
import { foldViews, viewsLabel } from './fold-views';

let next = 0;
function event(action: string): ActivityEvent {
  next += 1;
  return {
    id: String(next), time: '2026-12-07T10:00:00.000Z', actor: 'fred', clientAddress: null, requestId: null, action, stackId: '1st5', stackName: 'foo-jgi-doe',
    serviceId: '1s7', serviceName: 'web', containerName: null, details: null, outcome: 'ok', code: null, durationMs: null, environment: null,
  };
}

describe('foldViews', () => {
  it('folds each run of log and shell rows into one row, keeping restarts and upgrades between them', () => {
    const rows = foldViews([
      event('logs.close'), event('logs.open'), event('shell.close'), event('shell.open'),
      event('service.restart'),
      event('logs.open'),
      event('service.upgrade'),
    ]);
    expect(rows.map((r) => (r.kind === 'event' ? r.event.action : r.label))).toEqual([
      '1 log view and 1 shell session',
      'service.restart',
      '1 log view',
      'service.upgrade',
    ]);
  });

  it('leaves a timeline without views as it is', () => {
    const events = [event('service.stop'), event('service.start')];
    expect(foldViews(events)).toEqual(events.map((e) => ({ kind: 'event', event: e })));
  });
});

describe('viewsLabel', () => {
  it('counts sessions, not rows, and a session cut by the page edge once', () => {
    expect(viewsLabel([event('logs.close'), event('logs.open'), event('logs.close'), event('logs.open'), event('logs.close')])).toBe('3 log views');
    expect(viewsLabel([event('shell.open'), event('shell.open')])).toBe('2 shell sessions');
  });
});
