import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import { publishedHostPorts } from './diff-new-port';

const SCHEDULER_LABEL = /^io\.rancher\.scheduler\./;

export const diffNetworkChange = defineRule({
  id: 'diff-network-change',
  title: 'Networking and scheduling changes are shown',
  severity: 'warning',
  inputs: ['upgrade'],
  rationale: 'A different network mode, a port that is no longer published, or changed io.rancher.scheduler.* labels can cut clients off or move the service to other hosts.',
  sources: [{ doc: 'BP18', section: 'Ports', quote: 'If a port is to be available outside of a stack, a mapping of a public Spin host port to the private container port must be created.' }],
  remediation: 'Make sure clients and dependent services still reach the service after the change.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'port removed', input: { current: { imageUuid: 'docker:nginx:1.15', ports: ['60000:8080/tcp'] }, proposed: { imageUuid: 'docker:nginx:1.15', ports: [] } }, expect: [{ path: '/proposed/ports' }] },
    { name: 'network mode', input: { current: { imageUuid: 'docker:nginx:1.15', networkMode: 'managed' }, proposed: { imageUuid: 'docker:nginx:1.15', networkMode: 'bridge' } }, expect: [{ path: '/proposed/networkMode' }] },
    {
      name: 'scheduler label',
      input: { current: { imageUuid: 'docker:nginx:1.15', labels: { 'io.rancher.scheduler.affinity:host_label': 'a=1' } }, proposed: { imageUuid: 'docker:nginx:1.15', labels: { 'io.rancher.scheduler.affinity:host_label': 'a=2' } } },
      expect: [{ path: '/proposed/labels/io.rancher.scheduler.affinity:host_label' }],
    },
    { name: 'unchanged', input: { current: { imageUuid: 'docker:nginx:1.15', networkMode: 'managed', ports: ['60000:8080/tcp'] }, proposed: { imageUuid: 'docker:nginx:1.16', networkMode: 'managed', ports: ['60000:8080/tcp'] } }, expect: [] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u) return [];
    const { current: a, proposed: b } = u;
    const out: RawFinding[] = [];
    const push = (path: string, what: string) => out.push({ input: 'proposed', path, service: u.service, message: `Networking/scheduling changes: ${what}.` });
    const netA = a.namespaces.find((n) => n.kind === 'network')?.value ?? 'managed';
    const netB = b.namespaces.find((n) => n.kind === 'network')?.value ?? 'managed';
    if (netA !== netB) push(b.fieldPath('networkMode'), `network mode ${netA} → ${netB}`);
    const after = publishedHostPorts(b);
    const gone = [...publishedHostPorts(a)].filter((p) => !after.has(p));
    if (gone.length > 0) push(b.fieldPath('ports'), `no longer publishes ${gone.join(', ')}`);
    const labelsA = new Map(a.labels.filter((l) => SCHEDULER_LABEL.test(l.key)).map((l) => [l.key, l.value]));
    const labelsB = b.labels.filter((l) => SCHEDULER_LABEL.test(l.key));
    for (const l of labelsB) if (labelsA.get(l.key) !== l.value) push(l.path, `${l.key} ${labelsA.has(l.key) ? 'changes' : 'is added'}`);
    for (const k of labelsA.keys()) if (!labelsB.some((l) => l.key === k)) push(b.fieldPath('labels'), `${k} is removed`);
    return out;
  },
});
