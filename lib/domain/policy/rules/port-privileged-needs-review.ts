import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { formatRange } from '../port-spec';
import { defineRule } from '../rule';

export const portPrivilegedNeedsReview = defineRule({
  id: 'port-privileged-needs-review',
  title: 'Host ports below 1024 need Spin working group approval',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    'A privileged host port (below 1024, other than the proxy ports 80 and 443) is opened only after the Spin working group approves it; the approval is recorded as a waiver. BP18 says "greater than 1024" but means privileged ports (catalog §7 C6).',
  sources: [
    { doc: 'BP18', section: 'Ports', quote: 'Requests for privileged ports (ports greater than 1024) must be reviewed/approved by the Spin working group before changes to the firewall are made.' },
  ],
  remediation: 'Use a host port above 1024, or attach the approved waiver to .spin-policy.yml.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'ssh on 22', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['22:2222']") }, expect: [{ path: '/services/app/ports/0' }] },
    { name: 'high port', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['60022:2222']") }, expect: [] },
    { name: '443 is the proxy rule', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['443:8443']") }, expect: [] },
    {
      name: 'waived after approval',
      input: {
        compose: composeYaml("app:\n  image: python:3.7\n  ports: ['22:2222']"),
        waivers: 'waivers:\n  - rule: port-privileged-needs-review\n    service: app\n    reason: Approved by the Spin working group\n    expires: 2099-01-01\n',
      },
      expect: [{ path: '/services/app/ports/0', severity: 'info' }],
    },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const p of s.ports) {
        if (p.host === null || p.host.start >= 1024) continue;
        const ports = [];
        for (let n = p.host.start; n <= Math.min(p.host.end, 1023); n++) if (n !== 80 && n !== 443) ports.push(n);
        if (ports.length === 0) continue;
        const shown = ports.length === 1 ? String(ports[0]) : formatRange({ start: ports[0] as number, end: ports[ports.length - 1] as number });
        out.push({
          input: s.input,
          path: p.path,
          service: s.name,
          message: `Privileged host port ${shown} needs Spin working group approval; use a port above 1024 or attach the approved waiver.`,
        });
      }
    }
    return out;
  },
});
