import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SecretView } from '@/lib/domain/secrets/stack-secrets';
import type { UpgradeContext } from '@/lib/domain/upgrade/check-proposed';
import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { UpgradeForm } from '@/components/upgrade/upgrade-form';

// The upgrade form's secrets: mounts of this stack's secrets only, and "Move to a secret".

const current = { imageUuid: 'docker:redis:5.0.3-alpine', capDrop: ['ALL'], user: '999:999', environment: { REDIS_PASSWORD: 'kept-on-the-server' } };
const apiKey: SecretView = { id: '1se4', name: 'kv.bar-nersc.api_key', filename: 'api_key', service: 'kv', description: 'owner:fred', created: null, mountedBy: [] };
const context: UpgradeContext = {
  serviceName: 'kv',
  stackName: 'bar-nersc',
  stackTags: { owner: 'fred', staffOwner: 'wilma' },
  stackServices: [{ name: 'kv', state: 'active' }],
  actorRole: 'owner',
  secretNames: { '1se4': apiKey.name },
};

function renderForm(config: Record<string, unknown> = current) {
  const onUpgrade = vi.fn<(input: UpgradeInput) => void>();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <UpgradeForm current={config} context={context} scale={1} isSending={false} onUpgrade={onUpgrade} stackSecrets={{ stackId: '1st2', serviceId: '1s5', secrets: [apiKey] }} />
    </QueryClientProvider>,
  );
  return { onUpgrade, user: userEvent.setup() };
}

afterEach(() => vi.unstubAllGlobals());

describe('secrets in the upgrade form', () => {
  it('mounts one of the stack’s secrets as its file name, mode 0400, with the uid typed', async () => {
    const { user, onUpgrade } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Add a secret' }));
    await user.selectOptions(screen.getByLabelText('Secret'), '1se4');
    expect(screen.getByLabelText('File under /run/secrets')).toHaveProperty('value', 'api_key');
    await user.type(screen.getByLabelText('uid'), '999');
    await user.type(screen.getByLabelText('gid'), '999');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    // The tick acknowledges the warnings of the settled check (a later check with other warnings clears it).
    await screen.findByText(/2 warnings to acknowledge/);
    await user.click(screen.getByLabelText('I understand the warnings'));
    await waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Upgrade' }).disabled).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Upgrade' }));
    expect(onUpgrade.mock.calls[0]?.[0].launchConfig.secrets).toEqual([{ secretId: '1se4', name: 'api_key', uid: '999', gid: '999', mode: '0400' }]);
  });

  it('a running mount of a secret that is not this stack’s blocks the upgrade at the secrets section', async () => {
    const { user } = renderForm({ ...current, environment: {}, secrets: [{ secretId: '1se1', name: 'mysql_password', mode: '0400', uid: '999', gid: '999' }] });
    await user.type(screen.getByLabelText('Tag'), '-r1');
    const section = screen.getByRole('group', { name: 'Secrets' });
    await waitFor(() => expect(section.textContent).toContain('namespaces-own-stack'));
    expect(screen.getByRole('option', { name: '1se1 (not a secret of this stack)' })).toBeTruthy();
  });

  it('Move to a secret asks the server, applies the change and opens the preview, without the value', async () => {
    const moved = {
      secret: { ...apiKey, id: '1se9', name: 'kv.bar-nersc.redis_password', filename: 'redis_password' },
      serviceId: '1s5',
      change: { environment: { REDIS_PASSWORD: null, REDIS_PASSWORD_FILE: '/run/secrets/redis_password' }, secrets: [{ secretId: '1se9', name: 'redis_password', mode: '0400', uid: '999', gid: '999' }] },
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(moved), { status: 201, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    const { user } = renderForm();
    await user.click(await screen.findByRole('button', { name: 'Move REDIS_PASSWORD to a secret' }));
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/stacks/1st2/secrets/from-environment', expect.objectContaining({ method: 'POST', body: JSON.stringify({ serviceId: '1s5', variable: 'REDIS_PASSWORD' }) }));
    expect(JSON.stringify(fetchMock.mock.calls)).not.toContain('kept-on-the-server');
    const diff = await screen.findByTestId('upgrade-diff');
    expect(diff.textContent).toContain('REDIS_PASSWORD_FILE');
    expect(screen.getByLabelText('File under /run/secrets')).toHaveProperty('value', 'redis_password');
  });
});
