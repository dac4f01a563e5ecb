import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSim } from '../start-sim';
import { act, dataOf, eventually, get, serviceOf, settled, startTestSim } from './sim-harness';

let sim: RunningSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const selfOf = (r: Record<string, unknown>) => (r.links as Record<string, string>).self as string;

describe('image conventions', () => {
  it('an upgrade to a -crash tag fails as a container that will not start does, and rolls back', async () => {
    sim = await startTestSim();
    const s = sim;
    const kv = await serviceOf(s, 'bar-nersc', 'kv');
    await act(s, kv, 'upgrade', { inServiceStrategy: { launchConfig: { imageUuid: 'docker:redis:6.0-crash' } } });
    const failed = await eventually(async () => {
      const r = await get(s, selfOf(kv));
      return r.transitioning === 'error' ? r : undefined;
    });
    expect(failed.state).toBe('upgrading');
    expect(String(failed.transitioningMessage)).toContain('Failed to start instance bar-nersc-kv-1');
    const instances = dataOf(await get(s, (kv.links as Record<string, string>).instances as string));
    expect(instances.find((c) => c.imageUuid === 'docker:redis:6.0-crash')).toMatchObject({ state: 'error' });
    await act(s, failed, 'rollback');
    const back = await settled(s, selfOf(kv), 'active');
    expect((back.launchConfig as Record<string, unknown>).imageUuid).toBe('docker:redis:5.0.3-alpine');
  });

  it('any other tag starts as usual', async () => {
    sim = await startTestSim();
    const s = sim;
    const kv = await serviceOf(s, 'bar-nersc', 'kv');
    await act(s, kv, 'upgrade', { inServiceStrategy: { launchConfig: { imageUuid: 'docker:redis:6.0' } } });
    const upgraded = await settled(s, selfOf(kv), 'upgraded');
    expect(upgraded.transitioning).toBe('no');
  });
});
