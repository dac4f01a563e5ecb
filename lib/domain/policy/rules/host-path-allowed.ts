import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { judgeHostPath, resolveHostSource } from '../host-path';
import type { RuleContext } from '../rule-context';
import { defineRule } from '../rule';
import type { ServiceSpec } from '../service-spec';

const upgrade = (dataVolumes: string[]) => ({ current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', dataVolumes } });
const compose = (volume: string) => composeYaml(`web:\n  image: nginx:1.15\n  volumes: ['${volume}']`);
const bad = (path: string) => [{ path, severity: 'error' as const }];
/** What Docker's local driver accepts as a volume name; other drivers take any string, `/` and `..` too. */
const VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function sourceFinding(ctx: RuleContext, s: ServiceSpec | null, at: { input: RawFinding['input']; path: string }, source: string): RawFinding | null {
  const service = s?.name;
  const who = service ?? 'This stack';
  const base = { ...at, ...(service !== undefined ? { service } : {}) };
  const resolved = resolveHostSource(source, s === null || s.input === 'dockerCompose' ? ctx.composeDir : null);
  if (resolved === null) {
    const why = source.startsWith('~') ? 'a home directory on the Spin node' : s && s.input !== 'dockerCompose' ? 'a path that is not absolute' : 'a relative path, which the rancher CLI resolves where it runs';
    return { ...base, message: `${who} mounts ${source} from ${why}; mount an absolute path under ${ctx.allowedHostPaths.join(' or ')} instead.`, details: { source } };
  }
  const verdict = judgeHostPath(resolved, ctx.allowedHostPaths);
  if (verdict.allowed) return null;
  const shown = resolved === source ? source : `${source} (${resolved})`;
  const details = { source, hostPath: resolved, reason: verdict.reason };
  return verdict.reason === 'outside'
    ? { ...base, details, message: `${who} mounts ${shown} from the Spin node; only ${ctx.allowedHostPaths.join(', ')} may be mounted from the host. Use a Rancher NFS volume for data that must persist.` }
    : { ...base, details, message: `${who} mounts ${shown} from the Spin node, which gives root on the node; Spin never allows it.` };
}

export const hostPathAllowed = defineRule({
  id: 'host-path-allowed',
  title: 'Bind mounts come only from the allowed host paths',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    "A bind mount of the Docker socket, of the node's root or of its system directories is root on the Spin node, and any other host path is shared by every tenant whose containers land there. Owners may mount only the configured roots (the Global Filesystem by default); paths are compared after normalisation, so `..` and doubled slashes cannot walk out.",
  sources: [
    { doc: 'BP18', section: 'Future Directions', quote: 'Rancher does not provide true multi-tenancy' },
    { doc: 'BP18', section: 'Storage', quote: 'Rancher NFS' },
    { doc: 'catalog', section: '4.10 Isolation', quote: 'A bind mount of the Docker socket or of the node’s root … hand an owner exactly that power' },
  ],
  remediation: 'Mount a path under /global (or a configured root), or use a Rancher NFS named volume.',
  since: '2018-10',
  waivable: false,
  staffMayAccept: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'Docker socket', input: { compose: compose('/var/run/docker.sock:/var/run/docker.sock') }, expect: bad('/services/web/volumes/0') },
    { name: 'socket through /run', input: { compose: compose('/run/docker.sock:/var/run/docker.sock:ro') }, expect: bad('/services/web/volumes/0') },
    { name: 'socket with doubled slashes and dots', input: { compose: compose('//var//run/./docker.sock:/s') }, expect: bad('/services/web/volumes/0') },
    { name: 'socket with a trailing slash', input: upgrade(['/var/run/docker.sock/:/s']), expect: bad('/proposed/dataVolumes/0') },
    { name: 'a socket under an allowed root', input: upgrade(['/global/cfs/m1/agent.sock:/s']), expect: bad('/proposed/dataVolumes/0') },
    { name: "the node's root", input: { compose: compose('/:/host') }, expect: bad('/services/web/volumes/0') },
    { name: "the node's root as /.", input: upgrade(['/.:/host:ro']), expect: bad('/proposed/dataVolumes/0') },
    { name: '.. out of /global', input: upgrade(['/global/project/projectdirs/csg/../../../../:/data']), expect: bad('/proposed/dataVolumes/0') },
    { name: '.. into /etc', input: upgrade(['/global/x/../../etc:/host-etc']), expect: bad('/proposed/dataVolumes/0') },
    ...['/proc', '/sys', '/dev', '/etc', '/boot', '/root', '/run', '/var/run', '/var/lib/docker', '/var/lib/rancher', '/usr', '/lib'].map((root) => ({
      name: `never ${root}`,
      input: upgrade([`${root}:/mnt:ro`]),
      expect: bad('/proposed/dataVolumes/0'),
    })),
    { name: 'never /etc even when configured', input: { ...upgrade(['/etc/ssl:/ssl:ro']), allowedHostPaths: ['/srv', '/etc'] }, expect: bad('/proposed/dataVolumes/0') },
    { name: 'a configured root', input: { ...upgrade(['/srv/spin/data:/data']), allowedHostPaths: ['/srv/spin'] }, expect: [] },
    { name: 'outside the roots', input: { compose: compose('/srv/app:/data') }, expect: bad('/services/web/volumes/0') },
    { name: 'home directory', input: { compose: compose('~/data:/data') }, expect: bad('/services/web/volumes/0') },
    { name: 'relative source in an upgrade', input: upgrade(['./data:/data']), expect: bad('/proposed/dataVolumes/0') },
    { name: 'relative source without a directory', input: { compose: compose('./data:/data') }, expect: bad('/services/web/volumes/0') },
    { name: 'relative source from a /global directory', input: { compose: compose('../data:/data:ro'), composeDir: '/global/cfs/cdirs/m1/app' }, expect: [] },
    { name: 'relative source climbing out', input: { compose: compose('../../../../../etc:/data:ro'), composeDir: '/global/cfs/cdirs/m1/app' }, expect: bad('/services/web/volumes/0') },
    { name: 'Global Filesystem', input: { compose: compose('/global/cfs/cdirs/m1/www:/srv:ro') }, expect: [] },
    { name: 'named volume', input: { compose: compose('data.web.mystack:/data') }, expect: [] },
    { name: 'a path without a leading slash', input: upgrade(['data/../..:/data']), expect: bad('/proposed/dataVolumes/0') },
    { name: 'a variable the CLI expands', input: { compose: compose('${HOME}/app:/app') }, expect: bad('/services/web/volumes/0') },
    { name: 'anonymous volume', input: upgrade(['/var/run/docker.sock']), expect: [] },
    {
      name: 'a local volume that binds a node path',
      input: { compose: composeYaml("web:\n  image: nginx:1.15\n  volumes: ['data:/data']", 'volumes:\n  data:\n    driver: local\n    driver_opts: {type: none, o: bind, device: /var/run}\n') },
      expect: bad('/volumes/data/driver_opts/device'),
    },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const v of s.volumes) {
        if (v.kind === 'named' && v.source !== null && !VOLUME_NAME.test(v.source)) {
          const message = `${s.name} mounts ${v.source}, which is neither an absolute host path nor a volume name; a volume driver may read it as a path. Mount a path under ${ctx.allowedHostPaths.join(' or ')}, or a volume named with letters, digits, _, . and -.`;
          out.push({ input: s.input, path: v.path, service: s.name, message, details: { source: v.source } });
        }
        if (v.kind !== 'bind' || v.source === null) continue;
        const f = sourceFinding(ctx, s, { input: s.input, path: v.path }, v.source);
        if (f) out.push(f);
      }
    }
    for (const vol of ctx.compose?.volumes ?? []) {
      if (!vol.bindDevice) continue;
      const f = sourceFinding(ctx, null, { input: 'dockerCompose', path: vol.bindDevice.path }, vol.bindDevice.value);
      if (f) out.push(f);
    }
    return out;
  },
});
