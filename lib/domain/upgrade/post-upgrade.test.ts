import { afterEach, describe, expect, it, vi } from 'vitest';
import { postUpgrade } from './post-upgrade';
import { UpgradeRefusal } from './upgrade-refusal';

const serviceBody = { id: '1s3', name: 'web', state: 'upgrading', healthState: 'healthy', image: 'nginx:1.27', scale: 2, transitioning: 'yes', transitioningMessage: null, upgradeInProgress: true, allowedVerbs: ['rollback'], createdAt: '2026-01-01T00:00:00Z', containers: [], environment: { id: '1a5', name: 'prod-cattle', production: true } };

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('postUpgrade', () => {
  it('posts the input as JSON to the service upgrade route and returns the service', async () => {
    const fetchMock = answer(202, serviceBody);
    const input = { launchConfig: { imageUuid: 'docker:nginx:1.27' }, batchSize: 1 };
    await expect(postUpgrade('1st5', '1s3', input)).resolves.toMatchObject({ id: '1s3', state: 'upgrading' });
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/stacks/1st5/services/1s3/upgrade', expect.objectContaining({ method: 'POST', body: JSON.stringify(input) }));
  });

  it('keeps the findings of a 422', async () => {
    answer(422, { type: 'policy-violation', title: 'Policy', status: 422, detail: 'The change breaks a Spin rule', findings: [{ ruleId: 'no-privileged', severity: 'error', message: 'no', path: '/proposed/privileged', docs: '#no-privileged' }] });
    const error = await postUpgrade('1st5', '1s3', { launchConfig: { privileged: true } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpgradeRefusal);
    expect(error).toMatchObject({ status: 422, message: 'The change breaks a Spin rule', findings: [{ ruleId: 'no-privileged', severity: 'error', path: '/proposed/privileged' }] });
  });

  it('keeps the way out of a 409 and the fields of a 400', async () => {
    answer(409, { status: 409, detail: 'web has an upgrade waiting: finish or roll back the upgrade first.' });
    await expect(postUpgrade('1st5', '1s3', { launchConfig: { tty: true } })).rejects.toMatchObject({ status: 409, message: expect.stringContaining('finish or roll back') });
    answer(400, { status: 400, detail: 'bad', errors: [{ path: 'batchSize', message: 'Too big' }] });
    await expect(postUpgrade('1st5', '1s3', { launchConfig: { tty: true } })).rejects.toMatchObject({ status: 400, errors: [{ path: 'batchSize', message: 'Too big' }] });
  });

  it('still refuses when the body is not a problem', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })));
    await expect(postUpgrade('1st5', '1s3', { launchConfig: { tty: true } })).rejects.toMatchObject({ status: 502, message: 'The portal answered 502.', findings: [] });
  });
});
