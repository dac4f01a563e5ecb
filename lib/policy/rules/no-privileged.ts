import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

const UNCONFINED = /(apparmor|seccomp)[:=]unconfined|label[:=]disable/i;

export const noPrivileged = defineRule({
  id: 'no-privileged',
  title: 'No privileged mode, host devices or unconfined security profiles',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    'Privileged mode grants every capability and every device, which defeats the capability allowlist; host devices and unconfined AppArmor/seccomp/SELinux profiles open the same door.',
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
    { name: 'launchConfig', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', privileged: true } }, expect: [{ path: '/proposed/privileged' }] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    const message = 'Privileged mode, host devices and unconfined profiles are not allowed in Spin.';
    for (const s of ctx.services) {
      if (s.privileged?.value) out.push({ input: s.input, path: s.privileged.path, service: s.name, message });
      for (const d of s.devices) out.push({ input: s.input, path: d.path, service: s.name, message });
      for (const o of s.securityOpt.filter((x) => UNCONFINED.test(x.value))) out.push({ input: s.input, path: o.path, service: s.name, message });
    }
    return out;
  },
});
