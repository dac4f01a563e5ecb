import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityEvent } from '@/lib/domain/activity/activity-event';
import { ActivityTimeline } from './activity-timeline';

function event(id: string, action: string): ActivityEvent {
  return {
    id, time: '2026-12-07T10:15:04.000Z', actor: 'fred', clientAddress: null, requestId: null, action, stackId: '1st9', stackName: 'foo-jgi-doe-dev',
    serviceId: '1s20', serviceName: 'web', containerName: null, details: null, outcome: 'ok', code: null, durationMs: null,
    environment: { id: '1a7', name: 'dev-cattle', production: false },
  };
}

/** Answers every activity request with `events` and keeps the URLs asked for. */
function serve(events: ActivityEvent[]) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return Response.json({ events, nextCursor: null });
  });
  return asked;
}

function renderTimeline(props: Parameters<typeof ActivityTimeline>[0]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ActivityTimeline {...props} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ActivityTimeline', () => {
  it('asks for one service’s rows on a service page', async () => {
    const asked = serve([]);
    renderTimeline({ stackId: '1st9', serviceId: '1s20' });
    expect(await screen.findByText('Nothing recorded yet.')).toBeTruthy();
    expect(asked[0]).toMatch(/^\/api\/v1\/stacks\/1st9\/activity\?serviceId=1s20&/);
  });

  it('says nothing matched when a filter finds nothing', async () => {
    serve([]);
    renderTimeline({ filter: new URLSearchParams('actor=nobody') });
    expect(await screen.findByText('No matching activity.')).toBeTruthy();
    expect(screen.queryByText('Nothing recorded yet.')).toBeNull();
  });

  it('folds log views into one row between the restarts, and shows exact times on demand', async () => {
    serve([event('3', 'service.restart'), event('2', 'logs.close'), event('1', 'logs.open'), event('0', 'service.upgrade')]);
    renderTimeline({ stackId: '1st9' });
    expect(await screen.findByText('fred restarted web')).toBeTruthy();
    expect(screen.getAllByTestId('activity-item').map((li) => li.textContent?.split('done')[0])).toEqual(['fred restarted web', 'fred upgraded web']);
    expect(screen.getByText('1 log view')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('checkbox', { name: 'Show exact times' }));
    expect(screen.getAllByText('2026-12-07 10:15:04 UTC').length).toBe(4);
  });
});
