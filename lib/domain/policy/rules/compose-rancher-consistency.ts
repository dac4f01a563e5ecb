import { composeYaml } from '../compose-yaml';
import { defineRule } from '../rule';

export const composeRancherConsistency = defineRule({
  id: 'compose-rancher-consistency',
  title: 'rancher-compose.yml configures only services docker-compose.yml defines',
  severity: 'warning',
  inputs: ['compose'],
  rationale: 'Scale, health checks and upgrade strategy for a service that does not exist are silently ignored; usually the service was renamed in one file only.',
  sources: [{ doc: 'CS19', section: 'rancher-compose.yml', quote: 'optional, and rarely used' }, { doc: 'L2', section: 'rancher-compose.yml', quote: 'for advanced use cases such as scaling' }],
  remediation: 'Rename the entry in rancher-compose.yml to the service name used in docker-compose.yml, or remove it.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'unknown service', input: { compose: composeYaml('web:\n  image: nginx:1.15'), rancherCompose: "version: '2'\nservices:\n  app:\n    scale: 2\n" }, expect: [{ path: '/services/app' }] },
    { name: 'matching service', input: { compose: composeYaml('web:\n  image: nginx:1.15'), rancherCompose: "version: '2'\nservices:\n  web:\n    scale: 2\n" }, expect: [] },
  ],
  check(ctx) {
    if (!ctx.compose || !ctx.rancherServices) return [];
    const names = new Set(ctx.compose.services.map((s) => s.name));
    return ctx.rancherServices
      .filter((r) => !names.has(r.name))
      .map((r) => ({
        input: 'rancherCompose' as const,
        path: r.path,
        service: r.name,
        message: `rancher-compose.yml configures ${r.name}, which docker-compose.yml does not define.`,
      }));
  },
});
