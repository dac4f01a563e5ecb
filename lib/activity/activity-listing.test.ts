import { describe, expect, it } from 'vitest';
import { devCattle, FakeRancherBackend, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { MemoryAuditStore } from '@/test/helpers/memory-audit-store';
import { allActivity, stackActivity, type ActivityAnswer } from './activity-listing';

const prodStack = fakeStack({ id: '1st5', name: 'foo-jgi-doe', owner: 'fred', services: [fakeService({ id: '1s7', stackId: '1st5', name: 'web' }), fakeService({ id: '1s8', stackId: '1st5', name: 'db' })] });
const devStack = fakeStack({ id: '1st9', name: 'foo-jgi-doe-dev', owner: 'fred', environment: devCattle });
const fred = { uid: 'fred', name: 'Fred', groups: [], isStaff: false };
const wilma = { uid: 'wilma', name: 'Wilma', groups: ['isg'], isStaff: true };

async function world() {
  const store = new MemoryAuditStore();
  const row = { actor: 'fred', action: 'service.restart', outcome: 'ok' } as const;
  await store.record({ ...row, stackId: '1st5', stackName: 'foo-jgi-doe', serviceId: '1s7', serviceName: 'web', environmentId: '1a5', environmentName: 'prod-cattle' });
  await store.record({ ...row, stackId: '1st5', stackName: 'foo-jgi-doe', serviceId: '1s8', serviceName: 'db', environmentId: '1a5', environmentName: 'prod-cattle' });
  await store.record({ ...row, stackId: '1st9', stackName: 'foo-jgi-doe-dev', serviceId: '1s20', serviceName: 'web', environmentId: '1a7', environmentName: 'dev-cattle' });
  await store.record({ actor: 'fred', action: 'login.success', outcome: 'ok' });
  return { store, backend: new FakeRancherBackend([prodStack, devStack]) };
}

function events(answer: ActivityAnswer) {
  if (answer.kind !== 'page') throw new Error('expected a page');
  return answer.body.events;
}

describe('activity listings', () => {
  it('narrows a stack’s activity to one service', async () => {
    const { store, backend } = await world();
    const answer = await stackActivity({ backend, store, user: fred, stackId: '1st5', params: new URLSearchParams('serviceId=1s8'), productionProjectIds: [] });
    expect(events(answer).map((e) => e.serviceName)).toEqual(['db']);
  });

  it('gives each event its environment, production as configured today', async () => {
    const { store } = await world();
    const byName = events(await allActivity({ store, user: wilma, params: new URLSearchParams(), productionProjectIds: [] }));
    expect(byName.map((e) => e.environment)).toEqual([
      null,
      { id: '1a7', name: 'dev-cattle', production: false },
      { id: '1a5', name: 'prod-cattle', production: true },
      { id: '1a5', name: 'prod-cattle', production: true },
    ]);
    const byIds = events(await allActivity({ store, user: wilma, params: new URLSearchParams('environment=1a7'), productionProjectIds: ['1a7'] }));
    expect(byIds.map((e) => [e.stackName, e.environment?.production])).toEqual([['foo-jgi-doe-dev', true]]);
  });

  it('filters everyone’s activity by the stack’s name', async () => {
    const { store } = await world();
    const answer = await allActivity({ store, user: wilma, params: new URLSearchParams('stackName=foo-jgi-doe'), productionProjectIds: [] });
    expect(events(answer).map((e) => e.serviceName)).toEqual(['db', 'web']);
  });
});
