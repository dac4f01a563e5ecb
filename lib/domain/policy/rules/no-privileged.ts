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

/**
 * The sysctls the Pod Security Standards Baseline calls safe: namespaced, and unable to reach the node
 * or other containers. Any other one is set on a kernel shared with every tenant of the node.
 */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
]);

export const noPrivileged = defineRule({
  id: 'no-privileged',
  title: 'No privileged mode, host devices or unconfined security profiles',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    'Privileged mode grants every capability and every device, which defeats the capability allowlist; host devices, unconfined AppArmor/seccomp/SELinux profiles, an unmasked /proc and kernel parameters outside the safe namespaced set open the same door.',
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
    { name: 'unsafe sysctl', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', sysctls: { 'kernel.msgmax': '65536', 'net.ipv4.tcp_syncookies': '1' } } }, expect: [{ path: '/proposed/sysctls/kernel.msgmax' }] },
    { name: 'safe sysctls in compose', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  sysctls: ['net.ipv4.ip_unprivileged_port_start=80', 'net.ipv4.tcp_fin_timeout=30']") }, expect: [] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    const message = 'Privileged mode, host devices and unconfined profiles are not allowed in Spin.';
    for (const s of ctx.services) {
      if (s.privileged?.value) out.push({ input: s.input, path: s.privileged.path, service: s.name, message });
      for (const d of s.devices) out.push({ input: s.input, path: d.path, service: s.name, message });
      for (const o of s.securityOpt.filter((x) => liftsConfinement(x.value))) out.push({ input: s.input, path: o.path, service: s.name, message });
      for (const k of s.sysctls.filter((x) => !SAFE_SYSCTLS.has(x.key.trim()))) {
        out.push({ input: s.input, path: k.path, service: s.name, message: `${s.name} sets kernel parameter ${k.key}, which the Spin node shares with every tenant; only namespaced safe sysctls are allowed.` });
      }
    }
    return out;
  },
});
