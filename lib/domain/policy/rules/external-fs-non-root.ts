import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

const GLOBAL_RO = "volumes: ['/global/project/projectdirs/m1/web:/srv:ro']";

export const externalFsNonRoot = defineRule({
  id: 'external-fs-non-root',
  title: 'Services that mount the Global Filesystem do not run as root',
  severity: 'error',
  inputs: ['compose', 'upgrade', 'dockerfile'],
  rationale:
    "Root in a container maps to nobody on /global, and Spin refuses it there. With no user set the image default is assumed to be root unless the Dockerfile's last USER says otherwise. Legacy root:<group> stacks need a waiver (catalog §7 C1).",
  sources: [
    { doc: 'L2', section: 'Part 3', quote: 'Running as root is not allowed for any container which uses the NERSC Global Filesystem. … This policy will be enforced by the Spin software.' },
    { doc: 'BP18', section: 'Security', quote: 'If your service uses external file systems (like the global file system), it will be required to run as a non-root user' },
  ],
  remediation: 'Set user: <uid>:<gid> of your NERSC account or of a collaboration account.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'no user', input: { compose: composeYaml(`web:\n  image: nginx:1.15\n  ${GLOBAL_RO}`) }, expect: [{ path: '/services/web/user' }] },
    { name: 'numeric user', input: { compose: composeYaml(`web:\n  image: nginx:1.15\n  user: "46311:75137"\n  ${GLOBAL_RO}`) }, expect: [] },
    { name: 'uid 0', input: { compose: composeYaml(`web:\n  image: nginx:1.15\n  user: "0:124"\n  ${GLOBAL_RO}`) }, expect: [{ path: '/services/web/user' }] },
    { name: 'root:genome', input: { compose: composeYaml(`web:\n  image: nginx:1.15\n  user: root:genome\n  ${GLOBAL_RO}`) }, expect: [{ path: '/services/web/user' }] },
    { name: 'Dockerfile USER', input: { compose: composeYaml(`web:\n  image: registry.spin.nersc.gov/m1/web:v1\n  ${GLOBAL_RO}`), dockerfile: 'FROM nginx:1.15\nUSER 501:124\n', dockerfileService: 'web' }, expect: [] },
    { name: 'no Global Filesystem', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  user: root') }, expect: [] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      if (s.externalMounts.length === 0) continue;
      const runAs = ctx.userOf(s);
      if (runAs && !runAs.user.isRoot) continue;
      out.push({
        input: runAs?.input ?? s.input,
        path: runAs?.path ?? s.fieldPath('user'),
        service: s.name,
        message:
          "Containers mounting the Global Filesystem must not run as root (root maps to 'nobody'); set user: <uid>:<gid> of your account or a collaboration account." +
          (runAs ? '' : ' No user is set, so the image default (root) applies.'),
      });
    }
    return out;
  },
});
