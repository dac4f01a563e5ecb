import { describe, expect, it } from 'vitest';
import { buildUpgrade } from './build-upgrade';
import { formStateFrom, newRowId } from './upgrade-form-state';
import { fieldOfPointer } from './form-field';
import { upgradeInput } from './upgrade-input';

// Secret mounts in the upgrade form: the list goes whole when any mount changes, and not at all otherwise.

const current = { imageUuid: 'docker:mysql:5.7', secrets: [{ type: 'secretReference', secretId: '1se1', name: 'mysql_password', uid: '0', gid: '0', mode: '444' }] };

describe('secret mounts in buildUpgrade', () => {
  it('an untouched list is no change', () => {
    expect(buildUpgrade(current, formStateFrom(current))).toMatchObject({ isUnchanged: true, input: null });
  });

  it('adding a mount sends the whole list, mode 0400 as typed', () => {
    const form = formStateFrom(current);
    const built = buildUpgrade(current, { ...form, secrets: [...form.secrets, { id: newRowId(), secretId: '1se5', name: 'api_key', uid: '1001', gid: '', mode: '0400' }] });
    expect(built.input?.launchConfig.secrets).toEqual([
      { secretId: '1se1', name: 'mysql_password', uid: '0', gid: '0', mode: '444' },
      { secretId: '1se5', name: 'api_key', uid: '1001', mode: '0400' },
    ]);
    expect(built.proposed.secrets).toHaveLength(2);
  });

  it('removing the last mount sends an empty list', () => {
    expect(buildUpgrade(current, { ...formStateFrom(current), secrets: [] }).input?.launchConfig).toEqual({ secrets: [] });
  });

  it('a row without a secret, or two rows with one file name, is a problem at the secrets section', () => {
    const form = formStateFrom(current);
    const blank = buildUpgrade(current, { ...form, secrets: [...form.secrets, { id: newRowId(), secretId: '', name: 'x', uid: '', gid: '', mode: '0400' }] });
    expect(blank.problems).toContainEqual({ field: 'secrets', message: expect.stringContaining('Choose the secret') });
    const twice = buildUpgrade(current, { ...form, secrets: [...form.secrets, { id: newRowId(), secretId: '1se5', name: 'mysql_password', uid: '', gid: '', mode: '0400' }] });
    expect(twice.problems).toContainEqual({ field: 'secrets', message: expect.stringContaining('same file name') });
    expect(twice.input).toBeNull();
  });

  it('findings about mounts are shown at the secrets section', () => {
    expect(fieldOfPointer('/proposed/secrets/1')).toBe('secrets');
  });
});

describe('upgradeInput secrets', () => {
  it('takes Rancher’s secretReference fields and nothing else', () => {
    expect(upgradeInput.safeParse({ launchConfig: { secrets: [{ type: 'secretReference', secretId: '1se1', name: 'pw', uid: '0', gid: '0', mode: '0400' }] } }).success).toBe(true);
    expect(upgradeInput.safeParse({ launchConfig: { secrets: [{ secretId: '1se1', name: 'pw', value: 'x' }] } }).success).toBe(false);
    expect(upgradeInput.safeParse({ launchConfig: { secrets: [{ secretId: '1se1', name: '../etc/passwd' }] } }).success).toBe(false);
    expect(upgradeInput.safeParse({ launchConfig: { secrets: [{ secretId: '1se1', name: 'pw', mode: '0777x' }] } }).success).toBe(false);
  });
});
