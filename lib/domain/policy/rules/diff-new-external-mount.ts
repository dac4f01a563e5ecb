import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

function isUnder(path: string, ancestor: string): boolean {
  return path.startsWith(`${ancestor}/`);
}

export const diffNewExternalMount = defineRule({
  id: 'diff-new-external-mount',
  title: 'New or wider Global Filesystem mounts are shown',
  severity: 'warning',
  inputs: ['upgrade'],
  rationale: 'An upgrade that adds a /global source, makes an existing one writable, or moves a mount to a shallower directory changes what the service can reach.',
  sources: [
    { doc: 'BP18', section: 'Global File System / GPFS', quote: 'The volume should be mounted read-only, unless the container actually writes to the global file system.' },
    { doc: 'BP18', section: 'Global File System / GPFS', quote: 'The mount point should be as deep in directory structure as possible' },
  ],
  remediation: 'Confirm the service needs the new access; mount read-only and as deep as possible.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'adds a mount', input: { current: { imageUuid: 'docker:python:3.7' }, proposed: { imageUuid: 'docker:python:3.7', dataVolumes: ['/global/project/projectdirs/m1/spin/app:/data:ro'] } }, expect: [{ path: '/proposed/dataVolumes/0' }] },
    { name: 'loses ro', input: { current: { imageUuid: 'docker:python:3.7', dataVolumes: ['/global/project/projectdirs/m1/spin/app:/data:ro'] }, proposed: { imageUuid: 'docker:python:3.7', dataVolumes: ['/global/project/projectdirs/m1/spin/app:/data'] } }, expect: [{ path: '/proposed/dataVolumes/0' }] },
    { name: 'moves up', input: { current: { imageUuid: 'docker:python:3.7', dataVolumes: ['/global/project/projectdirs/m1/spin/app:/data:ro'] }, proposed: { imageUuid: 'docker:python:3.7', dataVolumes: ['/global/project/projectdirs/m1:/data:ro'] } }, expect: [{ path: '/proposed/dataVolumes/0' }] },
    { name: 'unchanged', input: { current: { imageUuid: 'docker:python:3.7', dataVolumes: ['/global/project/projectdirs/m1/spin/app:/data:ro'] }, proposed: { imageUuid: 'docker:python:3.8', dataVolumes: ['/global/project/projectdirs/m1/spin/app:/data:ro'] } }, expect: [] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u) return [];
    const out: RawFinding[] = [];
    const before = u.current.externalMounts;
    for (const m of u.proposed.externalMounts) {
      const host = m.hostPath ?? '';
      const same = before.find((x) => x.hostPath === host);
      const mode = m.readOnly ? 'ro' : 'rw';
      let message: string | null = null;
      if (same) message = same.readOnly && !m.readOnly ? `${host} becomes writable (rw) on the Global Filesystem.` : null;
      else if (before.some((x) => x.hostPath !== null && isUnder(x.hostPath, host))) message = `Mounts ${host} (${mode}), a shallower directory than before, from the Global Filesystem.`;
      else message = `Adds ${host} (${mode}) from the Global Filesystem.`;
      if (message) out.push({ input: 'proposed', path: m.path, service: u.service, message });
    }
    return out;
  },
});
