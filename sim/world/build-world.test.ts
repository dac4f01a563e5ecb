import { describe, expect, it } from 'vitest';
import { demoFixture } from '../fixture/demo-fixture';
import { buildWorld } from './build-world';

describe('buildWorld (demo)', () => {
  const world = buildWorld(demoFixture());

  it('names containers as Rancher does and numbers ids in fixture order', () => {
    const names = [...world.containers.values()].map((c) => c.name);
    expect(names).toEqual([
      'foo-jgi-doe-web-1',
      'foo-jgi-doe-web-2',
      'foo-jgi-doe-app-1',
      'foo-jgi-doe-db-1',
      'bar-nersc-web-1',
      'bar-nersc-kv-1',
      'genome-browser-web-1',
      'genome-browser-app-1',
      'crashy-nersc-app-1',
      'isg-monitor-app-1',
      'legacy-stack-web-1',
      'foo-jgi-doe-dev-web-1',
      'foo-jgi-doe-dev-app-1',
      'genome-browser-dev-web-1',
    ]);
    expect([...world.stacks.keys()]).toEqual(['1st1', '1st2', '1st3', '1st4', '1st5', '1st6', '1st7', '1st8']);
    expect([...world.stacks.values()].map((s) => s.accountId)).toEqual([...Array(6).fill('1a5'), '1a7', '1a7']);
    expect(world.containers.get('1i3')?.name).toBe('foo-jgi-doe-app-1');
  });

  it('derives instanceIds, health and the stack’s services', () => {
    const web = world.services.get('1s1');
    expect(web).toMatchObject({ name: 'web', instanceIds: ['1i1', '1i2'], healthState: 'healthy', currentScale: 2 });
    expect(world.stacks.get('1st1')).toMatchObject({ serviceIds: ['1s1', '1s2', '1s3'], healthState: 'healthy' });
  });

  it('gives containers the launchConfig they run and Rancher’s labels', () => {
    const db = world.containers.get('1i4');
    expect(db).toMatchObject({ imageUuid: 'docker:mysql:5.7.24', state: 'running', startCount: 1, hostname: 'foo-jgi-doe-db-1' });
    expect(db?.secrets).toEqual([{ type: 'secretReference', secretId: '1se1', name: 'db.foo-jgi-doe.mysql_password', uid: '0', gid: '0', mode: '444' }]);
    expect(db?.labels['io.rancher.project_service.name']).toBe('foo-jgi-doe/db');
    expect(db?.externalId).toMatch(/^[0-9a-f]{64}$/);
  });
});
