import { composeYaml } from '../compose-yaml';
import { formatRange } from '../port-spec';
import { defineRule } from '../rule';

export const port80443ProxyOnly = defineRule({
  id: 'port-80-443-proxy-only',
  title: 'Ports 80 and 443 belong to the reverse proxy',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale: 'Spin terminates HTTP and HTTPS at its reverse proxy, which ISG configures for each stack; a service cannot publish host port 80 or 443 itself.',
  sources: [
    { doc: 'BP18', section: 'Ports', quote: 'All use of ports 80 and 443 must go through the reverse proxy' },
    { doc: 'BP18', section: 'HTTP/HTTPS reverse proxy', quote: 'ISG staff will configure the reverse proxy stack to direct the appropriate traffic to your web service.' },
  ],
  remediation: 'Remove the mapping and ask ISG to route your hostname to the service port.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'host 443', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['443:8443']") }, expect: [{ path: '/services/web/ports/0' }] },
    { name: 'host 80 as a number', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  ports: ["80:80/tcp"]') }, expect: [{ path: '/services/web/ports/0' }] },
    { name: 'no mapping', input: { compose: composeYaml('web:\n  image: nginx:1.15') }, expect: [] },
    { name: 'container port 80 only', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['60080:80']") }, expect: [] },
  ],
  check(ctx) {
    return ctx.services.flatMap((s) =>
      s.ports
        .filter((p) => p.host !== null && [80, 443].some((n) => p.host !== null && n >= p.host.start && n <= p.host.end))
        .map((p) => ({
          input: s.input,
          path: p.path,
          service: s.name,
          message: `Ports 80/443 belong to the Spin reverse proxy; remove the mapping and ask ISG to route your hostname to ${s.name}:${formatRange(p.container)}.`,
        })),
    );
  },
});
