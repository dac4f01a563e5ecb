import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import type { ServiceSpec } from '../service-spec';

export const volumeNameConvention = defineRule({
  id: 'volume-name-convention',
  title: 'Rancher NFS volumes are named <service>.<stack>',
  severity: 'warning',
  inputs: ['compose'],
  rationale: 'The name ties the volume to the service that uses it and to its stack, for life-cycle management. Checked for top-level volumes with driver rancher-nfs when the stack name is known.',
  sources: [
    { doc: 'L3', section: 'Volumes', quote: 'Rancher NFS volumes must be named in the format [service name].[stack name]' },
    { doc: 'CS19', section: 'Volume Names', quote: '[service name].[stack name]' },
  ],
  remediation: 'Rename the volume to <service>.<stack>, after the service that mounts it.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'free name', input: { stackName: 'mystack', compose: composeYaml('db:\n  image: mongo:3.6\n  volumes: [mongo-data:/data/db]', 'volumes:\n  mongo-data:\n    driver: rancher-nfs\n') }, expect: [{ path: '/volumes/mongo-data' }] },
    { name: 'service.stack', input: { stackName: 'mystack', compose: composeYaml('db:\n  image: mongo:3.6\n  volumes: [db.mystack:/data/db]', 'volumes:\n  db.mystack:\n    driver: rancher-nfs\n') }, expect: [] },
    { name: 'named after another service', input: { stackName: 'mystack', compose: composeYaml('db:\n  image: mongo:3.6\n  volumes: [web.mystack:/data/db]', 'volumes:\n  web.mystack:\n    driver: rancher-nfs\n') }, expect: [{ path: '/volumes/web.mystack' }] },
    { name: 'local driver', input: { stackName: 'mystack', compose: composeYaml('db:\n  image: mongo:3.6\n  volumes: [cache:/cache]', 'volumes:\n  cache:\n    driver: local\n') }, expect: [] },
  ],
  check(ctx) {
    const c = ctx.compose;
    const stack = ctx.stack.name;
    if (!c || !stack) return [];
    const out: RawFinding[] = [];
    const mountedBy = new Map<string, ServiceSpec[]>();
    for (const s of c.services) {
      for (const m of s.volumes) if (m.kind === 'named' && m.source !== null) mountedBy.set(m.source, [...(mountedBy.get(m.source) ?? []), s]);
    }
    for (const v of c.volumes) {
      if (v.driver !== 'rancher-nfs') continue;
      const users = mountedBy.get(v.name) ?? [];
      if (users.some((s) => v.name === `${s.name}.${stack}`)) continue;
      const service = users[0]?.name ?? '<service>';
      out.push({ input: 'dockerCompose', path: v.path, message: `Name Rancher NFS volume ${v.name} ${service}.${stack}.` });
    }
    return out;
  },
});
