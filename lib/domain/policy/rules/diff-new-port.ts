import type { RawFinding } from '../finding';
import { formatRange, isLoopback } from '../port-spec';
import { classifyRange } from '../profiles';
import { defineRule } from '../rule';
import type { ServiceSpec } from '../service-spec';

/** `60000/tcp` for every host port a spec publishes. */
export function publishedHostPorts(spec: ServiceSpec): Set<string> {
  const out = new Set<string>();
  for (const p of spec.ports) {
    if (p.host === null) continue;
    for (let n = p.host.start; n <= p.host.end; n++) out.add(`${n}/${p.protocol}`);
  }
  return out;
}

export const diffNewPort = defineRule({
  id: 'diff-new-port',
  title: 'Host ports an upgrade publishes are shown',
  severity: 'warning',
  inputs: ['upgrade'],
  rationale: 'A newly published host port makes the service reachable from a wider audience; the finding names the firewall class (public, nersc-lbl, nersc or closed).',
  sources: [{ doc: 'BP18', section: 'Firewall configuration', quote: 'The following TCP ports are publicly available from all source addresses' }],
  remediation: 'Publish the port only if clients outside the stack need it.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'publishes 60000', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', ports: ['60000:8080/tcp'] } }, expect: [{ path: '/proposed/ports/0' }] },
    { name: 'same port', input: { current: { imageUuid: 'docker:nginx:1.15', ports: ['60000:8080/tcp'] }, proposed: { imageUuid: 'docker:nginx:1.16', ports: ['60000:8080'] } }, expect: [] },
    { name: 'moves to a public port', input: { current: { imageUuid: 'docker:nginx:1.15', ports: ['50000:8080/tcp'] }, proposed: { imageUuid: 'docker:nginx:1.15', ports: ['60000:8080/tcp'] } }, expect: [{ path: '/proposed/ports/0' }] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u) return [];
    const before = publishedHostPorts(u.current);
    const out: RawFinding[] = [];
    for (const p of u.proposed.ports) {
      if (p.host === null || isLoopback(p.hostIp)) continue;
      for (const run of classifyRange(ctx.profile, p.host, p.protocol)) {
        let fresh = false;
        for (let n = run.range.start; n <= run.range.end && !fresh; n++) fresh = !before.has(`${n}/${p.protocol}`);
        if (fresh) out.push({ input: 'proposed', path: p.path, service: u.service, message: `Publishes ${formatRange(run.range)}/${p.protocol} to ${run.cls}.`, details: { class: run.cls } });
      }
    }
    return out;
  },
});
