import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UpgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import type { UpgradeContext } from '@/lib/domain/upgrade/check-proposed';
import { UpgradeForm } from './upgrade-form';

// A service that passes every rule as it runs: changing the tag is a clean upgrade.
const current = { imageUuid: 'docker:nginx:1.15.12-alpine', capDrop: ['ALL'] };
const context: UpgradeContext = {
  serviceName: 'web',
  stackName: 'foo-jgi-doe',
  stackTags: { owner: 'doe', staffOwner: 'rsmith', group: 'jgi', staffGroup: 'isg', fqdn: 'web.foo.example.org' },
  stackServices: [{ name: 'web', state: 'active' }],
};

function renderForm(actorRole: UpgradeContext['actorRole'] = 'owner') {
  const onUpgrade = vi.fn<(input: UpgradeInput) => void>();
  render(<UpgradeForm current={current} context={{ ...context, actorRole }} scale={1} isSending={false} onUpgrade={onUpgrade} />);
  return { onUpgrade, user: userEvent.setup() };
}

const upgradeButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Upgrade' });
/** Why Upgrade is disabled: the sentence the button is described by, or null when it is not blocked. */
function blockReason(): string | null {
  const id = upgradeButton().getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}
const previewButton = () => screen.getByRole('button', { name: 'Preview' });
/** The sentence that says why Upgrade is disabled, once the debounced policy check has run. */
const blockedBecause = (text: string) => waitFor(() => expect(blockReason()).toBe(text));
const upgradeAllowed = () => waitFor(() => expect([blockReason(), upgradeButton().disabled]).toEqual([null, false]));

async function typeYaml(user: ReturnType<typeof userEvent.setup>, yaml: string) {
  await user.click(screen.getByRole('button', { name: 'Advanced (YAML)' }));
  const editor = screen.getByLabelText(/Launch configuration fields, as YAML/);
  await user.clear(editor);
  // user-event reads { and [ as key descriptors; the YAML here needs neither.
  await user.type(editor, yaml);
}

describe('UpgradeForm', () => {
  it('blocks an unchanged form, then asks for a preview, then upgrades with the new tag', async () => {
    const { user, onUpgrade } = renderForm();
    expect(upgradeButton().disabled).toBe(true);
    expect(blockReason()).toBe('Change a field first (or use Redeploy to pull the same image again).');

    await user.clear(screen.getByLabelText('Tag'));
    await user.type(screen.getByLabelText('Tag'), '1.27.3-alpine');
    await blockedBecause('Preview the change first.');
    await user.click(previewButton());
    await upgradeAllowed();
    await user.click(upgradeButton());
    expect(onUpgrade).toHaveBeenCalledOnce();
    expect(onUpgrade.mock.calls[0]?.[0]).toMatchObject({ launchConfig: { imageUuid: 'docker:nginx:1.27.3-alpine' } });
    expect(onUpgrade.mock.calls[0]?.[0]).not.toHaveProperty('acknowledgeNodeAccess');
  });

  it('holds a change with warnings until they are acknowledged', async () => {
    const { user, onUpgrade } = renderForm();
    await user.clear(screen.getByLabelText('Tag'));
    await user.type(screen.getByLabelText('Tag'), 'latest');
    await user.click(previewButton());
    await blockedBecause('Tick "I understand the warnings" to go on.');
    await user.click(screen.getByRole('checkbox', { name: 'I understand the warnings' }));
    await upgradeAllowed();
    await user.click(upgradeButton());
    expect(onUpgrade).toHaveBeenCalledOnce();
  });

  it('blocks an owner’s privileged change outright, with no way to accept it', async () => {
    const { user } = renderForm('owner');
    await typeYaml(user, 'privileged: true');
    await blockedBecause('Spin policy blocks this upgrade: fix the error marked above.');
    expect(screen.queryByRole('checkbox', { name: /As Spin staff/ })).toBeNull();
  });

  it('lets staff accept node-level access explicitly, and says so in what it sends', async () => {
    const { user, onUpgrade } = renderForm('staff');
    await typeYaml(user, 'privileged: true');
    await blockedBecause('Spin policy blocks this upgrade: fix the error marked above.');
    await user.click(screen.getByRole('checkbox', { name: 'As Spin staff, I accept the node-level access marked above' }));
    await user.click(previewButton());
    // Accepted, the error stays on the page as a warning that still needs its own tick.
    await blockedBecause('Tick "I understand the warnings" to go on.');
    await user.click(screen.getByRole('checkbox', { name: 'I understand the warnings' }));
    await upgradeAllowed();
    await user.click(upgradeButton());
    expect(onUpgrade.mock.calls[0]?.[0]).toMatchObject({ acknowledgeNodeAccess: true, launchConfig: { privileged: true } });
  });

  it('lists findings the current configuration already has apart, not by the fields of an edit that leaves them alone', async () => {
    const withPort = { ...current, ports: ['60000:8080/tcp'] };
    render(<UpgradeForm current={withPort} context={{ ...context, actorRole: 'owner' }} scale={1} isSending={false} onUpgrade={vi.fn()} />);
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Tag'));
    await user.type(screen.getByLabelText('Tag'), '1.27.3-alpine');
    await blockedBecause('Preview the change first.');
    const unchanged = screen.getByTestId('unchanged-findings');
    expect(unchanged.textContent).toContain('1 finding about settings this edit does not change');
    expect(unchanged.textContent).toContain('Port 60000 is reachable from all source addresses');
    const byFields = screen.getAllByTestId('policy-finding').filter((f) => !unchanged.contains(f));
    expect(byFields.map((f) => f.textContent).join()).not.toContain('Port 60000');
  });
});
