import { composeYaml } from '../compose-yaml';
import { formatRange } from '../port-spec';
import { defineRule } from '../rule';

export const portContainerUnprivileged = defineRule({
  id: 'port-container-unprivileged',
  title: 'Services listen above 1024 inside the container',
  severity: 'info',
  inputs: ['compose', 'upgrade'],
  rationale: 'A process that binds a port below 1024 needs NET_BIND_SERVICE; listening above 1024 lets the service drop it.',
  sources: [{ doc: 'BP18', section: 'Ports', quote: 'Whenever possible, use a port number > 1024 within the container. This allows the NET_BIND_SERVICE capability to be dropped.' }],
  remediation: 'Configure the service to listen on a port above 1024 (nginx: listen 8080) and map the host port to it.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'container port 80', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['60000:80']") }, expect: [{ path: '/services/web/ports/0' }] },
    { name: 'container port 8080', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['60000:8080']") }, expect: [] },
  ],
  check(ctx) {
    return ctx.services.flatMap((s) =>
      s.ports
        .filter((p) => p.container.start < 1024)
        .map((p) => ({
          input: s.input,
          path: p.path,
          service: s.name,
          message: `${s.name} listens on ${formatRange(p.container)}; listening above 1024 lets you drop NET_BIND_SERVICE.`,
        })),
    );
  },
});
