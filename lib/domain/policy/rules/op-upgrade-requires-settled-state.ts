import { defineRule } from '../rule';
import { operationTargets } from '../operation-targets';

const SETTLED: ReadonlySet<string> = new Set(['active', 'inactive']);

export const opUpgradeRequiresSettledState = defineRule({
  id: 'op-upgrade-requires-settled-state',
  title: 'Upgrades start from an active or inactive service',
  severity: 'error',
  inputs: ['operation', 'upgrade', 'stack'],
  rationale:
    'Rancher upgrades only a service that is active or inactive. A service still upgraded must be confirmed or rolled back first, since Rancher keeps only two sets of containers.',
  sources: [
    { doc: 'TE', section: "Stack won't upgrade", quote: 'Service web must be state=active or inactive to upgrade, currently: state=updating-active' },
    { doc: 'L3', section: 'Upgrading', quote: 'Rancher only stores two sets of containers' },
  ],
  remediation: 'Wait for the service to settle, or stop it, wait 10 seconds and retry; confirm or roll back a previous upgrade first.',
  since: '2018-10',
  waivable: false,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'updating', input: { operation: { op: 'upgrade', service: 'web' }, stackServices: [{ name: 'web', state: 'updating-active' }] }, expect: [{ path: '/stack/services/0/state' }] },
    { name: 'active', input: { operation: { op: 'upgrade', service: 'web' }, stackServices: [{ name: 'web', state: 'active' }] }, expect: [] },
    {
      name: 'upgrade request on an upgraded service',
      input: { service: 'web', current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.16' }, stackServices: [{ name: 'web', state: 'upgraded' }] },
      expect: [{ path: '/stack/services/0/state' }],
    },
  ],
  check(ctx) {
    if (ctx.operation?.op !== 'upgrade') return [];
    return operationTargets(ctx)
      .filter((s) => !SETTLED.has(s.state))
      .map((s) => ({
        input: 'stack' as const,
        path: s.path,
        service: s.name,
        message:
          s.state === 'upgraded'
            ? `${s.name} is 'upgraded'; confirm or roll back the previous upgrade first.`
            : `${s.name} is '${s.state}'; upgrades need active or inactive. Wait, or stop it and retry.`,
      }));
  },
});
