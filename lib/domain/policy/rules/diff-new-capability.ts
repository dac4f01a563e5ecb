import { defineRule } from '../rule';

export const diffNewCapability = defineRule({
  id: 'diff-new-capability',
  title: 'Capabilities an upgrade adds are shown',
  severity: 'warning',
  inputs: ['upgrade'],
  rationale: 'Compares the effective capabilities (defaults minus cap_drop plus cap_add; privileged = all) before and after, one finding per capability gained.',
  sources: [{ doc: 'BP18', section: 'Security', quote: 'If it’s not possible to run as a non-root user, minimize the Linux capabilities granted to the container.' }],
  remediation: 'Keep the capability out unless the new version needs it.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'adds NET_ADMIN', input: { current: { imageUuid: 'docker:nginx:1.15', capDrop: ['ALL'] }, proposed: { imageUuid: 'docker:nginx:1.15', capDrop: ['ALL'], capAdd: ['net_admin'] } }, expect: [{ path: '/proposed/capAdd/0' }] },
    { name: 'same capabilities', input: { current: { imageUuid: 'docker:nginx:1.15', capAdd: ['CHOWN'] }, proposed: { imageUuid: 'docker:nginx:1.16', capAdd: ['CAP_CHOWN'] } }, expect: [] },
    {
      name: 'stops dropping KILL',
      input: { current: { imageUuid: 'docker:nginx:1.15', capDrop: ['ALL'] }, proposed: { imageUuid: 'docker:nginx:1.15', capDrop: ['ALL'], capAdd: ['KILL', 'NET_BIND_SERVICE'] } },
      expect: [{ path: '/proposed/capAdd/0' }, { path: '/proposed/capAdd/1' }],
    },
    { name: 'becomes privileged', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', privileged: true } }, expect: [{ path: '/proposed/privileged' }] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u) return [];
    const { current: a, proposed: b } = u;
    const at = { input: 'proposed' as const, service: u.service };
    if (b.privileged?.value && !a.privileged?.value) return [{ ...at, path: b.privileged.path, message: 'Adds every capability (privileged mode).' }];
    return [...b.effectiveCaps]
      .filter((c) => !a.effectiveCaps.has(c))
      .sort()
      .map((cap) => ({ ...at, path: b.capAdd.find((c) => c.name === cap)?.path ?? b.fieldPath('capDrop'), message: `Adds capability ${cap}.` }));
  },
});
