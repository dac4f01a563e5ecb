import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { formatRange, isLoopback } from '../port-spec';
import { classifyRange } from '../profiles';
import { defineRule } from '../rule';

const CLASS_WORDS = { public: 'all source addresses', 'nersc-lbl': 'NERSC and LBL networks', nersc: 'NERSC networks only' } as const;

export const portFirewallClass = defineRule({
  id: 'port-firewall-class',
  title: 'Published host ports are open in the Spin firewall',
  severity: 'warning',
  inputs: ['compose', 'upgrade'],
  rationale:
    "Each published host port is classified with the profile's firewall table (2018 or 2019), also when another rule judges it too (ports below 1024 also meet port-80-443-proxy-only and port-privileged-needs-review). A closed port is a warning (it needs a Service Now request); an open port is reported as info with who can reach it. Only TCP ports are open.",
  sources: [
    { doc: 'BP18', section: 'Firewall configuration', quote: 'The following TCP ports are publicly available from all source addresses: 80, 443, 8080, and 8443, 60000 - 60050' },
    { doc: 'BP18', section: 'Ports', quote: "If the port you need isn't currently part of the existing firewall configuration, and it needs to be publicly accessible, request that it be added to the list via Service Now." },
    { doc: 'BP19', section: 'Firewall configuration', quote: 'Update and correct list of firewalled ports (2019-05-01)' },
  ],
  remediation: 'Use a port from 60000-60050 (public) or 50000-50050, or request the port via Service Now.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'closed port', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['9000:9000']") }, expect: [{ path: '/services/app/ports/0', severity: 'warning' }] },
    { name: 'public port', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['60000:8080']") }, expect: [{ path: '/services/app/ports/0', severity: 'info' }] },
    { name: 'MongoDB in 2019', input: { compose: composeYaml("db:\n  image: mongo:3.6\n  ports: ['27017:27017']") }, expect: [{ path: '/services/db/ports/0', severity: 'info' }] },
    { name: 'MongoDB in 2018', input: { compose: composeYaml("db:\n  image: mongo:3.6\n  ports: ['27017:27017']"), profile: '2018-10' }, expect: [{ path: '/services/db/ports/0', severity: 'warning' }] },
    { name: 'UDP', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['60001:60001/udp']") }, expect: [{ path: '/services/app/ports/0', severity: 'warning' }] },
    { name: 'Rancher picks the host port', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['8080']") }, expect: [{ path: '/services/app/ports/0', severity: 'info' }] },
    { name: 'loopback only', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['127.0.0.1:9000:9000']") }, expect: [{ path: '/services/app/ports/0', severity: 'info' }] },
    // Every published port gets its class, also when port-privileged-needs-review flags it too.
    { name: 'privileged port', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['22:2222']") }, expect: [{ path: '/services/app/ports/0', severity: 'warning' }] },
    { name: 'proxy port', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['443:8443']") }, expect: [{ path: '/services/web/ports/0', severity: 'info' }] },
    { name: 'no published port', input: { compose: composeYaml("app:\n  image: python:3.7\n  expose: ['8080']") }, expect: [] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const p of s.ports) {
        const at = { input: s.input, path: p.path, service: s.name };
        if (p.host === null) {
          out.push({ ...at, severity: 'info', message: `Rancher picks a host port for ${formatRange(p.container)}/${p.protocol}; it is reachable only if that port is open in the firewall.` });
          continue;
        }
        if (isLoopback(p.hostIp)) {
          out.push({ ...at, severity: 'info', message: `Port ${formatRange(p.host)} is bound to ${p.hostIp}, so only the Spin host itself can reach it.` });
          continue;
        }
        for (const run of classifyRange(ctx.profile, p.host, p.protocol)) {
          const port = formatRange(run.range);
          out.push(
            run.cls === 'closed'
              ? { ...at, message: `Host port ${port}/${p.protocol} is not open in the Spin firewall (${ctx.profile.id}); use 60000-60050 or request it via Service Now.`, details: { class: run.cls } }
              : { ...at, severity: 'info', message: `Port ${port} is reachable from ${CLASS_WORDS[run.cls]} (${run.cls}).`, details: { class: run.cls } },
          );
        }
      }
    }
    return out;
  },
});
