import { defineRule } from '../rule';
import { operationTargets } from '../operation-targets';
import { isLifecycleVerb } from '../../rancher/service-verbs';

export const opStopAfterUnconfirmedUpgrade = defineRule({
  id: 'op-stop-after-unconfirmed-upgrade',
  title: 'No stop, start or restart before an upgrade is confirmed or rolled back',
  severity: 'error',
  inputs: ['operation', 'stack'],
  rationale:
    "Rancher refuses to stop, start or restart a service in state upgraded until the upgrade is finished (old containers removed) or rolled back. Checking first turns Rancher's 422 into a clear next step.",
  sources: [
    { doc: 'TE', section: 'Upgrading', quote: 'After upgrading a service or stack, the rancher stop start and restart commands cannot be used until the you have verified the upgrade and removed the old containers' },
    { doc: 'TE', section: 'Upgrading', quote: 'Service app is not in valid state to be deactivated: upgraded' },
    { doc: 'L2', section: 'Upgrading', quote: 'Required step: Confirming the upgrade' },
  ],
  remediation: 'Confirm the upgrade (finish-upgrade removes the old containers) or roll it back, then retry.',
  since: '2018-10',
  waivable: false,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'stop an upgraded service', input: { operation: { op: 'stop', service: 'app' }, stackServices: [{ name: 'app', state: 'upgraded' }] }, expect: [{ path: '/stack/services/0/state' }] },
    { name: 'stop an active service', input: { operation: { op: 'stop', service: 'app' }, stackServices: [{ name: 'app', state: 'active' }] }, expect: [] },
    {
      name: 'restart the whole stack',
      input: { operation: { op: 'restart' }, stackServices: [{ name: 'web', state: 'active' }, { name: 'app', state: 'upgraded' }] },
      expect: [{ path: '/stack/services/1/state' }],
    },
  ],
  check(ctx) {
    const op = ctx.operation?.op;
    if (!isLifecycleVerb(op)) return [];
    return operationTargets(ctx)
      .filter((s) => s.state === 'upgraded')
      .map((s) => ({
        input: 'stack' as const,
        path: s.path,
        service: s.name,
        message: `${s.name} has an unconfirmed upgrade; confirm it (removes old containers) or roll it back before you ${op}.`,
      }));
  },
});
