import { describe, expect, it } from 'vitest';
import { formStateFrom } from '@/lib/domain/upgrade/upgrade-form-state';
import { applySecretChange, movableVariables } from './apply-secret-change';

const current = { imageUuid: 'docker:redis:5', environment: { REDIS_PASSWORD: 'x', A: '1' } };

describe('applySecretChange', () => {
  it('drops the variable, adds its _FILE path and sets the mounts', () => {
    const form = applySecretChange(formStateFrom(current), {
      environment: { REDIS_PASSWORD: null, REDIS_PASSWORD_FILE: '/run/secrets/redis_password' },
      secrets: [{ secretId: '1se4', name: 'redis_password', mode: '0400' }],
    });
    expect(form.env.map((r) => [r.name, r.value])).toEqual([
      ['A', '1'],
      ['REDIS_PASSWORD_FILE', '/run/secrets/redis_password'],
    ]);
    expect(form.secrets).toEqual([expect.objectContaining({ secretId: '1se4', name: 'redis_password', mode: '0400', uid: '', gid: '' })]);
  });
});

describe('movableVariables', () => {
  const finding = { ruleId: 'secret-not-in-env', path: '/proposed/environment/REDIS_PASSWORD' };
  it('offers a flagged variable the service runs with', () => {
    expect(movableVariables([finding, { ruleId: 'other', path: '/proposed/environment/A' }], current, formStateFrom(current))).toEqual(['REDIS_PASSWORD']);
  });
  it('not one the user typed or changed: the server only moves what Rancher holds', () => {
    const form = formStateFrom(current);
    const edited = { ...form, env: form.env.map((r) => (r.name === 'REDIS_PASSWORD' ? { ...r, value: 'typed' } : r)) };
    expect(movableVariables([finding], current, edited)).toEqual([]);
  });
});
