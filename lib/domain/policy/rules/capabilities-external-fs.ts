import { DOCKER_DEFAULT_CAPS, EXTERNAL_FS_ALLOWED_CAPS } from '../capabilities';
import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import { onlyCapsFix } from '../spec-fixes';

const GLOBAL_RO = '/global/project/projectdirs/m1/app:/data:ro';

export const capabilitiesExternalFs = defineRule({
  id: 'capabilities-external-fs',
  title: 'Services that mount the Global Filesystem keep only NET_BIND_SERVICE',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    "File permissions on /global are enforced only if the container cannot change identities or bypass permission checks. The table is applied to the effective capabilities: Docker's defaults stay unless dropped.",
  sources: [
    { doc: 'BP18', section: 'Allowed Kernel Capabilities', quote: 'NET_BIND_SERVICE | Yes | Yes (every other capability: External Filesystem "No")' },
    { doc: 'BP18', section: 'Permissions, UID and GID Considerations', quote: 'The Linux setuid and setgid capabilities will be dropped for containers accessing the global file system' },
    { doc: 'IG18', section: 'Security', quote: 'run as a non-root user, and drop the setuid and setgid capability' },
  ],
  remediation: 'Set cap_drop: [ALL] and keep at most NET_BIND_SERVICE in cap_add.',
  since: '2018-10',
  waivable: true,
  fixable: true,
  inferred: false,
  cases: [
    { name: 'defaults kept', input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: "46311:75137"\n  volumes: ['${GLOBAL_RO}']`) }, expect: [{ path: '/services/app/cap_drop' }] },
    { name: 'all dropped', input: { compose: composeYaml(`app:\n  image: python:3.7\n  user: "46311:75137"\n  cap_drop: [ALL]\n  volumes: ['${GLOBAL_RO}']`) }, expect: [] },
    { name: 'NET_BIND_SERVICE added', input: { compose: composeYaml(`app:\n  image: python:3.7\n  cap_drop: [ALL]\n  cap_add: [NET_BIND_SERVICE]\n  volumes: ['${GLOBAL_RO}']`) }, expect: [] },
    { name: 'CHOWN added', input: { compose: composeYaml(`app:\n  image: python:3.7\n  cap_drop: [ALL]\n  cap_add: [chown]\n  volumes: ['${GLOBAL_RO}']`) }, expect: [{ path: '/services/app/cap_add/0' }] },
    { name: 'no external mount', input: { compose: composeYaml('app:\n  image: python:3.7\n  cap_add: [CHOWN]\n  volumes: [app.mystack:/data]') }, expect: [] },
    { name: 'project alias', input: { compose: composeYaml("app:\n  image: python:3.7\n  volumes: ['/project/projectdirs/myteam/spin:/data:ro']") }, expect: [{ path: '/services/app/cap_drop' }] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      const mount = s.externalMounts[0];
      if (!mount) continue;
      const extra = [...s.effectiveCaps].filter((c) => !EXTERNAL_FS_ALLOWED_CAPS.includes(c));
      if (extra.length === 0) continue;
      const fix = onlyCapsFix(s, EXTERNAL_FS_ALLOWED_CAPS);
      const say = (caps: string) =>
        `${s.name} mounts ${mount.hostPath} from the Global Filesystem, so it may keep only NET_BIND_SERVICE; drop ${caps} (cap_drop: [ALL]).`;
      if (s.privileged?.value) {
        out.push({ input: s.input, path: s.privileged.path, service: s.name, message: say('every capability privileged mode grants'), fix });
        continue;
      }
      for (const c of s.capAdd.filter((x) => !EXTERNAL_FS_ALLOWED_CAPS.includes(x.name))) {
        out.push({ input: s.input, path: c.path, service: s.name, message: say(c.name), fix });
      }
      const defaults = extra.filter((c) => DOCKER_DEFAULT_CAPS.includes(c) && !s.capAdd.some((a) => a.name === c));
      if (defaults.length > 0) {
        out.push({ input: s.input, path: s.fieldPath('capDrop'), service: s.name, message: say(defaults.join(', ')), fix, details: { capabilities: defaults } });
      }
    }
    return out;
  },
});
