import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

/** `io.rancher.*` labels an owner may set (spin-policy.md §4.10); every other one is Rancher's or staff's. */
const OWNER_LABELS = new Set([
  'io.rancher.container.pull_image',
  'io.rancher.container.start_once',
  'io.rancher.container.hostname_override',
  'io.rancher.container.dns',
  'io.rancher.container.dns.priority',
  'io.rancher.container.network',
  'io.rancher.service.wait_for_healthcheck',
  'io.rancher.sidekicks',
  'io.rancher.scheduler.global',
]);
const OWNER_PREFIXES = ['io.rancher.scheduler.affinity:', 'io.rancher.lb_service.', 'io.rancher.loadbalancer.target.'];
const AGENT_LABELS = ['io.rancher.container.create_agent', 'io.rancher.container.agent.role', 'io.rancher.container.agent_service.'];

/**
 * Rancher matches label keys exactly, but an owner has no reason to spell its prefix in another case or
 * with spaces: judge the key as the most lenient reader would.
 */
function canonicalKey(key: string): string {
  return key.trim().toLowerCase();
}

export function isReservedRancherLabel(key: string): boolean {
  const k = canonicalKey(key);
  if (!k.startsWith('io.rancher.')) return false;
  return !OWNER_LABELS.has(k) && !OWNER_PREFIXES.some((p) => k.startsWith(p));
}

const labels = (body: string) => ({ compose: composeYaml(`web:\n  image: nginx:1.15\n  labels:\n${body}`) });
const upgradeLabels = (l: Record<string, string>) => ({ current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', labels: l } });

export const rancherReservedLabels = defineRule({
  id: 'rancher-reserved-labels',
  title: "Rancher's own labels are not set by owners",
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    "Rancher reads its io.rancher.* labels as orders: the agent labels hand the container an API key for the whole environment, the selector labels pull other stacks' containers into this stack, and the labels Rancher writes itself let a container pose as another stack's. Owners may set only the scheduling, DNS, pull, sidekick and load balancer labels of the allowlist.",
  sources: [
    { doc: 'BP18', section: 'Future Directions', quote: 'would provide root-equivalent privileges' },
    { doc: 'RAPI', section: 'Labels', quote: 'io.rancher.container.create_agent, io.rancher.container.agent.role' },
  ],
  remediation: 'Remove the label; ask Spin staff if the service needs what it does.',
  since: '2018-10',
  waivable: false,
  staffMayAccept: true,
  fixable: false,
  inferred: true,
  cases: [
    {
      name: 'agent with an environment key',
      input: labels('    io.rancher.container.create_agent: "true"\n    io.rancher.container.agent.role: environmentAdmin'),
      expect: [{ path: '/services/web/labels/io.rancher.container.create_agent' }, { path: '/services/web/labels/io.rancher.container.agent.role' }],
    },
    { name: 'agent service labels', input: upgradeLabels({ 'io.rancher.container.agent_service.metadata': 'true' }), expect: [{ path: '/proposed/labels/io.rancher.container.agent_service.metadata' }] },
    { name: 'stack name', input: upgradeLabels({ 'io.rancher.stack.name': 'other' }), expect: [{ path: '/proposed/labels/io.rancher.stack.name' }] },
    { name: 'stack service name', input: upgradeLabels({ 'io.rancher.stack_service.name': 'other/web' }), expect: [{ path: '/proposed/labels/io.rancher.stack_service.name' }] },
    { name: 'project labels', input: upgradeLabels({ 'io.rancher.project.name': 'other', 'io.rancher.project_service.name': 'other/web' }), expect: [{ path: '/proposed/labels/io.rancher.project.name' }, { path: '/proposed/labels/io.rancher.project_service.name' }] },
    { name: 'deployment labels', input: upgradeLabels({ 'io.rancher.service.deployment.unit': 'x', 'io.rancher.service.launch.config': 'x' }), expect: [{ path: '/proposed/labels/io.rancher.service.deployment.unit' }, { path: '/proposed/labels/io.rancher.service.launch.config' }] },
    {
      name: 'container identity labels',
      input: upgradeLabels({ 'io.rancher.container.uuid': 'x', 'io.rancher.container.name': 'x', 'io.rancher.container.ip': '10.42.0.1', 'io.rancher.container.requested_ip': '10.42.0.2', 'io.rancher.container.system': 'true' }),
      expect: ['uuid', 'name', 'ip', 'requested_ip', 'system'].map((k) => ({ path: `/proposed/labels/io.rancher.container.${k}` })),
    },
    { name: 'CNI labels', input: upgradeLabels({ 'io.rancher.cni.network': 'ipsec' }), expect: [{ path: '/proposed/labels/io.rancher.cni.network' }] },
    { name: 'selector labels', input: labels('    io.rancher.service.selector.link: "app=db"\n    io.rancher.service.selector.container: "app=db"'), expect: [{ path: '/services/web/labels/io.rancher.service.selector.link' }, { path: '/services/web/labels/io.rancher.service.selector.container' }] },
    { name: 'another spelling of the prefix', input: upgradeLabels({ ' IO.Rancher.Container.Create_Agent': 'true' }), expect: [{ path: '/proposed/labels/ IO.Rancher.Container.Create_Agent' }] },
    { name: 'list form', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  labels: ['io.rancher.container.agent.role=environment']") }, expect: [{ path: '/services/web/labels/0' }] },
    {
      name: 'owner labels',
      input: upgradeLabels({
        'io.rancher.container.pull_image': 'always',
        'io.rancher.container.start_once': 'true',
        'io.rancher.container.hostname_override': 'container_name',
        'io.rancher.container.dns': 'true',
        'io.rancher.container.dns.priority': 'service_last',
        'io.rancher.container.network': 'true',
        'io.rancher.service.wait_for_healthcheck': 'true',
        'io.rancher.sidekicks': 'cron',
        'io.rancher.scheduler.global': 'true',
        'io.rancher.scheduler.affinity:host_label': 'role=web',
        'io.rancher.lb_service.target': 'only-local',
        'io.rancher.loadbalancer.target.web': '80',
        'com.example.team': 'csg',
      }),
      expect: [],
    },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const l of s.labels) {
        if (!isReservedRancherLabel(l.key)) continue;
        const agent = AGENT_LABELS.some((a) => canonicalKey(l.key).startsWith(a));
        out.push({
          input: s.input,
          path: l.path,
          service: s.name,
          message: agent
            ? `${s.name} asks Rancher for an API key to the whole Spin environment (${l.key}); only Spin staff may run such services.`
            : `${l.key} is reserved for Rancher and Spin staff; remove it.`,
          details: { label: l.key },
        });
      }
    }
    return out;
  },
});
