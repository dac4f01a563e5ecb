import { describe, expect, it } from 'vitest';
import type { RancherSecrets, SecretWire } from '@/lib/rancher/cattle-secrets';
import { FakeRancherBackend, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { fakeOperationContext } from '@/test/helpers/fake-operation-context';
import { createStackSecret, listStackSecrets, removeStackSecret } from './stack-secrets';

// Secrets are environment-wide: a stack named `db` must not take `db.foo-jgi-doe.*`, which the
// convention also reads as `<stack db>.<file foo-jgi-doe.…>` (spin-policy.md §4.10).

const foo = fakeStack({ id: '1st1', name: 'foo-jgi-doe', owner: 'fred', services: [fakeService({ id: '1s3', stackId: '1st1', name: 'db' })] });
const db = fakeStack({ id: '1st9', name: 'db', owner: 'mallory', services: [fakeService({ id: '1s9', stackId: '1st9', name: 'web' })] });

function memorySecrets(initial: SecretWire[]): RancherSecrets & { removed: string[] } {
  const secrets = [...initial];
  const removed: string[] = [];
  return {
    removed,
    list: async () => secrets.filter((s) => !removed.includes(s.id)),
    create: async (_project, input) => {
      const created = { id: `1se${secrets.length + 1}`, name: input.name, description: input.description ?? null, created: null, state: 'active' };
      secrets.push(created);
      return created;
    },
    remove: async (_project, id) => {
      removed.push(id);
    },
    close: () => undefined,
  };
}

const context = (uid: string, secrets: RancherSecrets) => ({ ...fakeOperationContext(new FakeRancherBackend([foo, db]), { uid }), secrets });
const fooSecret: SecretWire = { id: '1se1', name: 'db.foo-jgi-doe.mysql_password', description: null, created: null, state: 'active' };

describe('a secret whose name ties it to two stacks', () => {
  it('is listed for neither', async () => {
    expect(await listStackSecrets(context('mallory', memorySecrets([fooSecret])), '1st9')).toEqual([]);
  });

  it('cannot be removed from the other stack', async () => {
    const secrets = memorySecrets([fooSecret]);
    await expect(removeStackSecret(context('mallory', secrets), '1st9', '1se1')).rejects.toMatchObject({ status: 404 });
    expect(secrets.removed).toEqual([]);
  });

  it('cannot be created from the other stack', async () => {
    await expect(createStackSecret(context('mallory', memorySecrets([])), '1st9', { name: 'db.foo-jgi-doe.api_key', value: 'x' })).rejects.toMatchObject({ status: 422 });
  });
});
