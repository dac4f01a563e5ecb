import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import { liftsConfinement } from './no-privileged';

export const diffPrivilegeEscalation = defineRule({
  id: 'diff-privilege-escalation',
  title: 'Upgrades that raise privileges are shown',
  severity: 'warning',
  inputs: ['upgrade'],
  rationale:
    'An upgrade is reviewed as a change: turning on privileged mode, switching from a non-root user to root (or to the image default), losing cap_drop: ALL, joining a host namespace, or adding devices or unconfined profiles is called out even where another rule already blocks it.',
  sources: [{ doc: 'BP18', section: 'Security', quote: 'When possible, run services in the container as a non-root user.' }],
  remediation: 'Make sure the extra privilege is intended; otherwise keep the current setting.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'becomes privileged', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', privileged: true } }, expect: [{ path: '/proposed/privileged' }] },
    { name: 'non-root to root', input: { current: { imageUuid: 'docker:nginx:1.15', user: '46311' }, proposed: { imageUuid: 'docker:nginx:1.15', user: '0' } }, expect: [{ path: '/proposed/user' }] },
    { name: 'loses cap_drop ALL', input: { current: { imageUuid: 'docker:nginx:1.15', capDrop: ['ALL'] }, proposed: { imageUuid: 'docker:nginx:1.15', capDrop: [] } }, expect: [{ path: '/proposed/capDrop' }] },
    { name: 'host network', input: { current: { imageUuid: 'docker:nginx:1.15', networkMode: 'managed' }, proposed: { imageUuid: 'docker:nginx:1.15', networkMode: 'host' } }, expect: [{ path: '/proposed/networkMode' }] },
    { name: 'unmasks /proc', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', securityOpt: ['systempaths=unconfined'] } }, expect: [{ path: '/proposed/securityOpt/0' }] },
    { name: 'no change', input: { current: { imageUuid: 'docker:nginx:1.15', user: '46311', capDrop: ['ALL'] }, proposed: { imageUuid: 'docker:nginx:1.16', user: '46311', capDrop: ['ALL'] } }, expect: [] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u) return [];
    const { current: a, proposed: b } = u;
    const out: RawFinding[] = [];
    const add = (path: string, what: string) => out.push({ input: 'proposed', path, service: u.service, message: `This upgrade increases ${u.service}'s privileges: ${what}.` });
    if (b.privileged?.value && !a.privileged?.value) add(b.privileged.path, 'privileged mode');
    const before = ctx.userOf(a);
    const after = ctx.userOf(b);
    if (before && !before.user.isRoot && (!after || after.user.isRoot)) {
      add(after?.path ?? b.fieldPath('user'), after ? `runs as root (${after.user.raw}) instead of ${before.user.raw}` : `no user is set any more, so the image default (root) replaces ${before.user.raw}`);
    }
    if (a.capDrop.some((c) => c.name === 'ALL') && !b.capDrop.some((c) => c.name === 'ALL')) add(b.fieldPath('capDrop'), "cap_drop no longer drops ALL, so Docker's default capabilities return");
    for (const ns of b.namespaces) {
      if (ns.value === 'host' && !a.namespaces.some((x) => x.kind === ns.kind && x.value === 'host')) add(ns.path, `shares the host ${ns.kind} namespace`);
    }
    for (const d of b.devices) if (!a.devices.some((x) => x.value === d.value)) add(d.path, `adds device ${d.value}`);
    for (const o of b.securityOpt) {
      if (liftsConfinement(o.value) && !a.securityOpt.some((x) => x.value === o.value)) add(o.path, `adds security option ${o.value}`);
    }
    return out;
  },
});
