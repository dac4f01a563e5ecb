import type { RawFinding } from '../finding';
import type { Rule } from '../rule';
import type { RuleContext } from '../rule-context';
import { defineRule, ruleSeverity } from '../rule';
import type { ServiceSpec } from '../service-spec';
import { hostPathAllowed } from './host-path-allowed';
import { noHostNamespaces } from './no-host-namespaces';
import { noPrivileged } from './no-privileged';
import { rancherReservedLabels } from './rancher-reserved-labels';

/** The rules whose errors on a running service mean staff gave it node-level power. */
const NODE_LEVEL_RULES: readonly Rule[] = [hostPathAllowed, rancherReservedLabels, noPrivileged, noHostNamespaces];

/** What node-level power a launchConfig holds: the errors those rules find on it alone. */
function nodeLevelPowers(ctx: RuleContext, spec: ServiceSpec): RawFinding[] {
  const alone: RuleContext = { ...ctx, compose: null, rancherServices: null, services: [spec] };
  return NODE_LEVEL_RULES.flatMap((rule) => rule.check(alone).filter((f) => (f.severity ?? ruleSeverity(rule, ctx.profile.id)) === 'error'));
}

function describe(f: RawFinding): string {
  const field = f.path.split('/').slice(2).join('/');
  const d = f.details ?? {};
  if (typeof d.hostPath === 'string') return `mounts ${d.hostPath}`;
  if (typeof d.label === 'string') return `label ${d.label}`;
  return field;
}

const socketService = { current: { imageUuid: 'docker:rancher/agent:v1.2.11', dataVolumes: ['/var/run/docker.sock:/var/run/docker.sock'] } };
const tagChange = (current: Record<string, unknown>) => ({ ...current, imageUuid: 'docker:rancher/agent:v1.2.12' });
const plain = { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.16' } };

export const staffOnlyService = defineRule({
  id: 'staff-only-service',
  title: 'Services with node-level access are changed by staff only',
  severity: 'error',
  inputs: ['upgrade'],
  rationale:
    'Staff sometimes run a service with node-level access (the Docker socket, a reserved Rancher label, privileged mode, a host namespace). Changing its image would hand that access to whoever picks the image, so an owner may not upgrade such a service through the portal; staff may, after acknowledging what it holds.',
  sources: [
    { doc: 'BP18', section: 'Future Directions', quote: 'would provide root-equivalent privileges' },
    { doc: 'catalog', section: '4.10 Isolation', quote: 'an owner (not staff) asks to upgrade … a service whose current launchConfig already fails host-path-allowed' },
  ],
  remediation: 'Ask Spin staff to review and run the upgrade.',
  since: '2018-10',
  waivable: false,
  staffMayAccept: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'owner upgrades a socket service', input: { ...socketService, proposed: tagChange(socketService.current), actorRole: 'owner' }, expect: [{ path: '/current', severity: 'error' }] },
    { name: 'staff upgrades it', input: { ...socketService, proposed: tagChange(socketService.current), actorRole: 'staff' }, expect: [{ path: '/current', severity: 'error' }] },
    { name: 'staff acknowledged', input: { ...socketService, proposed: tagChange(socketService.current), actorRole: 'staff', staffAcknowledged: true }, expect: [{ path: '/current', severity: 'warning' }] },
    { name: 'owner upgrades an agent', input: { current: { imageUuid: 'docker:x/y:1', labels: { 'io.rancher.container.create_agent': 'true' } }, proposed: { imageUuid: 'docker:x/y:2' }, actorRole: 'owner' }, expect: [{ path: '/current' }] },
    { name: 'owner upgrades a privileged service', input: { current: { imageUuid: 'docker:x/y:1', privileged: true }, proposed: { imageUuid: 'docker:x/y:2' }, actorRole: 'owner' }, expect: [{ path: '/current' }] },
    { name: 'an ordinary service', input: { ...plain, actorRole: 'owner' }, expect: [] },
    { name: 'outside the portal', input: { ...socketService, proposed: tagChange(socketService.current) }, expect: [] },
    { name: 'a sidekick network is not node-level', input: { current: { imageUuid: 'docker:x/y:1', networkMode: 'container:1i3' }, proposed: { imageUuid: 'docker:x/y:2' }, actorRole: 'owner', stackContainers: [{ id: '1i3', name: 's-app-1' }] }, expect: [] },
  ],
  check(ctx) {
    const up = ctx.upgrade;
    if (!up || ctx.actorRole === null) return [];
    const powers = nodeLevelPowers(ctx, up.current);
    if (powers.length === 0) return [];
    const what = [...new Set(powers.map(describe))].join(', ');
    const message =
      ctx.actorRole === 'staff'
        ? `${up.service} holds node-level access (${what}); as Spin staff, acknowledge it to upgrade.`
        : `${up.service} holds node-level access (${what}), so only Spin staff may change it. Ask them to review the upgrade.`;
    return [{ input: 'current', path: up.current.path, service: up.service, message, details: { holds: what } }];
  },
});
