import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

/**
 * Security options that lift a confinement (Pod Security Standards Baseline: AppArmor, seccomp, SELinux,
 * /proc mount type): unconfined AppArmor or seccomp, a seccomp profile written inline (it may allow every
 * call), unmasked /proc and /sys, SELinux disabled or set to another user, role or type (`spc_t` runs
 * unconfined).
 */
const UNCONFINED = /(apparmor|seccomp|systempaths)[:=]\s*unconfined|seccomp[:=]\s*\{|label[:=](disable|user:|role:|type:)/i;

/** Whether a Docker security option lifts a confinement; the diff rules report such options too. */
export function liftsConfinement(option: string): boolean {
  return UNCONFINED.test(option);
}

export const noPrivileged = defineRule({
  id: 'no-privileged',
  title: 'No privileged mode, host devices or unconfined security profiles',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    'Privileged mode grants every capability and every device, which defeats the capability allowlist; host devices, unconfined AppArmor/seccomp/SELinux profiles and an unmasked /proc open the same door.',
  sources: [
    {
      doc: 'BP18',
      section: 'Security',
      quote: "This security is achieved through the use of Linux kernel 'namespaces', isolated network stacks, Control Groups, and whitelisting the Linux kernel 'capabilities' to only those needed.",
    },
  ],
  remediation: 'Remove privileged, devices and the unconfined security_opt entries; add only allowed capabilities instead.',
  since: '2018-10',
  waivable: false,
  staffMayAccept: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'privileged', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  privileged: true') }, expect: [{ path: '/services/web/privileged' }] },
    { name: 'not privileged', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  privileged: false') }, expect: [] },
    { name: 'device', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  devices: ["/dev/fuse:/dev/fuse"]') }, expect: [{ path: '/services/web/devices/0' }] },
    { name: 'unconfined seccomp', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  security_opt: ["seccomp:unconfined", "no-new-privileges"]') }, expect: [{ path: '/services/web/security_opt/0' }] },
    ...['label=type:spc_t', 'label:user:system_u', 'label=role:system_r', 'systempaths=unconfined', 'seccomp={"defaultAction":"SCMP_ACT_ALLOW"}'].map((option) => ({
      name: `security option ${option}`,
      input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', securityOpt: ['no-new-privileges', option] } },
      expect: [{ path: '/proposed/securityOpt/1' }],
    })),
    { name: 'launchConfig', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', privileged: true } }, expect: [{ path: '/proposed/privileged' }] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    const message = 'Privileged mode, host devices and unconfined profiles are not allowed in Spin.';
    for (const s of ctx.services) {
      if (s.privileged?.value) out.push({ input: s.input, path: s.privileged.path, service: s.name, message });
      for (const d of s.devices) out.push({ input: s.input, path: d.path, service: s.name, message });
      for (const o of s.securityOpt.filter((x) => liftsConfinement(x.value))) out.push({ input: s.input, path: o.path, service: s.name, message });
    }
    return out;
  },
});
