import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

/** Roots that hold many users' or projects' data (BP18 §GPFS example; TE paths). */
const TREE_ROOTS: ReadonlySet<string> = new Set([
  '/global', '/global/project', '/global/project/projectdirs', '/global/project/scratch', '/global/homes',
  '/global/cscratch1', '/global/common', '/project', '/project/projectdirs',
]);
const MIN_COMPONENTS = 5;

export const externalFsMountDepth = defineRule({
  id: 'external-fs-mount-depth',
  title: 'Global Filesystem mounts are as deep as possible',
  severity: 'warning',
  inputs: ['compose', 'upgrade'],
  rationale: `Mounting a whole project or file system tree exposes far more than the service needs. A source with fewer than ${MIN_COMPONENTS} path components, or a known tree root, is too shallow (the threshold is the portal team's).`,
  sources: [
    {
      doc: 'BP18',
      section: 'Global File System / GPFS',
      quote: 'The mount point should be as deep in directory structure as possible … e.g. /global/project/scratch/username/project/application rather than /global/project/scratch',
    },
  ],
  remediation: 'Mount only the directory the service uses, e.g. /global/project/projectdirs/<project>/spin/<stack>/<service>.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'project directory', input: { compose: composeYaml("app:\n  image: python:3.7\n  volumes: ['/global/project/projectdirs/m1:/data:ro']") }, expect: [{ path: '/services/app/volumes/0' }] },
    { name: 'deep directory', input: { compose: composeYaml("app:\n  image: python:3.7\n  volumes: ['/global/project/projectdirs/m1/spin/mystack/web:/srv:ro']") }, expect: [] },
    { name: 'file system root', input: { compose: composeYaml("app:\n  image: python:3.7\n  volumes: ['/global/cscratch1:/scratch:ro']") }, expect: [{ path: '/services/app/volumes/0' }] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const m of s.externalMounts) {
        const path = m.hostPath ?? '';
        const components = path.split('/').filter(Boolean).length;
        if (components >= MIN_COMPONENTS && !TREE_ROOTS.has(path)) continue;
        out.push({ input: s.input, path: m.path, service: s.name, message: `Mount only what ${s.name} needs; ${path} exposes a whole tree.` });
      }
    }
    return out;
  },
});
