import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

export const noHostNamespaces = defineRule({
  id: 'no-host-namespaces',
  title: "Containers do not share the host's namespaces",
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    "Spin exposes services only through port mappings and the reverse proxy; the host's network, PID, IPC, user or UTS namespace would bypass that isolation. Sharing another container's network is a warning.",
  sources: [
    { doc: 'BP18', section: 'Security', quote: "This security is achieved through the use of Linux kernel 'namespaces', isolated network stacks" },
    { doc: 'BP18', section: 'Ports', quote: 'If a port is to be available outside of a stack, a mapping of a public Spin host port to the private container port must be created.' },
  ],
  remediation: 'Remove network_mode/pid/ipc: host and publish ports instead.',
  since: '2018-10',
  waivable: true,
  staffMayAccept: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'host network', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  network_mode: host') }, expect: [{ path: '/services/web/network_mode', severity: 'error' }] },
    { name: 'managed network', input: { compose: composeYaml('web:\n  image: nginx:1.15') }, expect: [] },
    { name: 'host pid', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  pid: host') }, expect: [{ path: '/services/web/pid', severity: 'error' }] },
    { name: 'container network', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  network_mode: "container:app"') }, expect: [{ path: '/services/web/network_mode', severity: 'warning' }] },
    { name: 'launchConfig', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', networkMode: 'host', ipcMode: 'host' } }, expect: [{ path: '/proposed/networkMode' }, { path: '/proposed/ipcMode' }] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const ns of s.namespaces) {
        if (ns.value === 'host') {
          const how = ns.kind === 'network' ? 'publish ports instead' : `remove ${ns.path.split('/').pop()}`;
          out.push({ input: s.input, path: ns.path, service: s.name, message: `${s.name} shares the host ${ns.kind} namespace; ${how}.` });
        } else if (ns.kind === 'network' && ns.value.startsWith('container:')) {
          out.push({
            input: s.input,
            path: ns.path,
            service: s.name,
            severity: 'warning',
            message: `${s.name} shares the network namespace of ${ns.value.slice('container:'.length)}; prefer Rancher's managed network and links.`,
          });
        }
      }
    }
    return out;
  },
});
