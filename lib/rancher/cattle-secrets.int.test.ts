import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startContractSim, type ContractSim } from '@/test/helpers/rancher-contract-harness';
import { createCattleSecrets, type RancherSecrets } from './cattle-secrets';
import { RancherInvalidInputError } from './errors';

// The secrets client against the simulator: list, create (the value goes base64 and never comes
// back), remove, and Rancher's refusals as domain errors.

let running: ContractSim;
let secrets: RancherSecrets;
beforeAll(async () => {
  running = await startContractSim();
  secrets = createCattleSecrets({ url: running.sim.url, accessKey: running.sim.accessKey, secretKey: running.sim.secretKey, connectTimeoutMs: 2000, timeoutMs: 10_000 });
});
afterAll(async () => {
  secrets.close();
  await running.close();
});

describe('rancher secrets client', () => {
  it('lists the environment secrets without values', async () => {
    const list = await secrets.list(running.sim.projectId);
    expect(list).toEqual([expect.objectContaining({ name: 'db.foo-jgi-doe.mysql_password', state: 'active' })]);
    expect(Object.keys(list[0] ?? {})).not.toContain('value');
  });

  it('creates with the bytes given, which the simulator stores decoded, then removes', async () => {
    const created = await secrets.create(running.sim.projectId, { name: 'bar-nersc.client_test', value: Buffer.from('línea\n'), description: 'owner:fred' });
    expect(created).toMatchObject({ name: 'bar-nersc.client_test', description: 'owner:fred', state: 'active' });
    expect(running.sim.world.secretValues.get(created.id)).toBe('línea\n');
    await secrets.remove(running.sim.projectId, created.id);
    expect((await secrets.list(running.sim.projectId)).map((s) => s.id)).not.toContain(created.id);
  });

  it('a name already taken is Rancher refusing the values', async () => {
    const refused = await secrets.create(running.sim.projectId, { name: 'db.foo-jgi-doe.mysql_password', value: Buffer.from('x') }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RancherInvalidInputError);
  });
});
