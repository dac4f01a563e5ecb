import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreatedToken, TokenView } from '@/lib/domain/tokens/token-schemas';
import { TokenManager } from './token-manager';

const created: CreatedToken = {
  id: 'abcdefghijkl',
  name: 'ci',
  token: `spinpat_abcdefghijkl_${'S'.repeat(40)}`,
  accessKey: 'spinpat_abcdefghijkl',
  secretKey: 'S'.repeat(40),
  expiresAt: '2027-01-06T10:00:00.000Z',
  stackIds: ['1st1'],
  rights: ['view', 'logs'],
};
const listed: TokenView = {
  id: 'abcdefghijkl', name: 'ci', owner: 'fred', createdAt: '2026-12-07T10:00:00.000Z', expiresAt: created.expiresAt, isExpired: false,
  stackIds: ['1st1'], rights: ['view', 'logs'], lastUsedAt: null, lastUsedAddress: null,
};
const stacks = [
  { id: '1st1', name: 'foo-jgi-doe', environmentName: 'prod-cattle' },
  { id: '1st2', name: 'bar-nersc', environmentName: 'prod-cattle' },
];

/** Answers the token API as the portal would; keeps what was posted. */
function serve() {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return Response.json(created, { status: 201 });
    }
    return Response.json({ tokens: posted.length > 0 ? [listed] : [] });
  });
  return posted;
}

function renderManager() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <TokenManager initial={{ tokens: [] }} everyone={false} stacks={stacks} />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TokenManager', () => {
  it('names the field at fault before sending anything', async () => {
    const posted = serve();
    const user = renderManager();
    await user.clear(screen.getByLabelText('Expires after (days)'));
    await user.type(screen.getByLabelText('Expires after (days)'), '400');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Expires after (days)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('expected at most 365 days')).toBeTruthy();
    expect(posted).toEqual([]);
  });

  it('sends the chosen stacks and rights, shows the secret once, and forgets it when dismissed', async () => {
    const posted = serve();
    const user = renderManager();
    await user.type(screen.getByLabelText('Name'), 'ci');
    await user.click(screen.getByLabelText('Only some of my stacks'));
    await user.click(screen.getByLabelText(/^foo-jgi-doe/));
    await user.click(screen.getByLabelText('Only some rights'));
    await user.click(screen.getByLabelText(/^logs/));
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect(await screen.findByRole('region', { name: 'Token “ci” created' })).toBeTruthy();
    expect(posted).toEqual([{ name: 'ci', expiresInDays: 30, stackIds: ['1st1'], rights: ['view', 'logs'] }]);
    expect(screen.getByLabelText('API token', { exact: true }).textContent).toBe(created.token);
    expect(screen.getByLabelText('Secret key', { exact: true }).textContent).toBe(created.secretKey);
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText(created.token)).toBeNull();
    expect(document.body.textContent).not.toContain(created.secretKey);
    expect(await screen.findByText('foo-jgi-doe; view, logs')).toBeTruthy();
  });
});
