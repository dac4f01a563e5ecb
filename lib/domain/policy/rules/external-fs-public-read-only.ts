import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import { isPubliclyReachable } from '../service-exposure';
import type { MountEntry } from '../service-spec';

function readOnlyEntry(m: MountEntry): string {
  const opts = m.options.filter((o) => o !== 'rw' && o !== 'ro');
  return `${m.source}:${m.target}:${['ro', ...opts].join(',')}`;
}

export const externalFsPublicReadOnly = defineRule({
  id: 'external-fs-public-read-only',
  title: 'Public services mount the Global Filesystem read-only',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    'A writable /global mount in a service reachable from anywhere lets anonymous users change NERSC data. That is an error unless the owner attests that every write is authenticated; any other writable /global mount is a warning, since mounts should be read-only unless the service writes.',
  sources: [
    { doc: 'BP18', section: 'Read-Only vs. Read-Write', quote: 'Public (unauthenticated) services must mount the global file systems read-only' },
    { doc: 'BP18', section: 'Read-Only vs. Read-Write', quote: 'Authenticated services are allowed to mount the global file systems read-write. … Writes need to be traceable to the user doing the writing' },
    { doc: 'BP18', section: 'Global File System / GPFS', quote: 'The volume should be mounted read-only, unless the container actually writes to the global file system.' },
  ],
  remediation: 'Append :ro to the volume, or make every write authenticated and traceable to a user.',
  since: '2018-10',
  waivable: true,
  fixable: true,
  inferred: false,
  cases: [
    { name: 'public and writable', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['60000:8080']\n  volumes: ['/global/project/projectdirs/m1/web:/srv']") }, expect: [{ path: '/services/web/volumes/0', severity: 'error' }] },
    { name: 'public and read-only', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['60000:8080']\n  volumes: ['/global/project/projectdirs/m1/web:/srv:ro']") }, expect: [] },
    { name: 'public, authenticated writes', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['60000:8080']\n  volumes: ['/global/project/projectdirs/m1/web:/srv:rw']"), attestations: { web: { authenticated: true } } }, expect: [{ path: '/services/web/volumes/0', severity: 'warning' }] },
    { name: 'loopback port is not public', input: { compose: composeYaml("web:\n  image: nginx:1.15\n  ports: ['127.0.0.1:60000:8080']\n  volumes: ['/global/project/projectdirs/m1/web:/srv']") }, expect: [{ path: '/services/web/volumes/0', severity: 'warning' }] },
    { name: 'private and writable', input: { compose: composeYaml("app:\n  image: python:3.7\n  ports: ['50001:5000']\n  volumes: ['/global/project/projectdirs/m1/data:/data']") }, expect: [{ path: '/services/app/volumes/0', severity: 'warning' }] },
    { name: 'upgrade drops :ro', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', ports: ['60000:8080/tcp'], dataVolumes: ['/global/project/projectdirs/m1/web:/srv'] } }, expect: [{ path: '/proposed/dataVolumes/0', severity: 'error' }] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      const writable = s.externalMounts.filter((m) => !m.readOnly);
      if (writable.length === 0) continue;
      const exposed = isPubliclyReachable(s, ctx.profile) && ctx.attestations[s.name]?.authenticated !== true;
      for (const m of writable) {
        out.push({
          input: s.input,
          path: m.path,
          service: s.name,
          severity: exposed ? 'error' : 'warning',
          message: exposed
            ? `${m.hostPath} is writable by a publicly reachable service; mount it :ro or confirm every write is authenticated.`
            : `${m.hostPath} is mounted read-write; mount it :ro unless ${s.name} writes to it, and make every write traceable to a user.`,
          fix: [{ op: 'replace', path: m.path, value: readOnlyEntry(m) }],
        });
      }
    }
    return out;
  },
});
