import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

export const diffUserChange = defineRule({
  id: 'diff-user-change',
  title: 'A change of user or groups is shown',
  severity: 'warning',
  inputs: ['upgrade'],
  rationale: 'The user decides which files on the Global Filesystem the service can read and write; any change of user or group_add, including setting or unsetting it, is shown.',
  sources: [{ doc: 'BP18', section: 'Permissions, UID and GID Considerations', quote: 'Setting the container to run as a non-root account with the appropriate file system access is an effective way to address these permission constraints.' }],
  remediation: 'Make sure the new identity has exactly the access the service needs.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'other uid', input: { current: { imageUuid: 'docker:nginx:1.15', user: '46311:75137' }, proposed: { imageUuid: 'docker:nginx:1.15', user: '501:124' } }, expect: [{ path: '/proposed/user' }] },
    { name: 'user set', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', user: '501:124' } }, expect: [{ path: '/proposed/user' }] },
    { name: 'group added', input: { current: { imageUuid: 'docker:nginx:1.15', user: '501' }, proposed: { imageUuid: 'docker:nginx:1.15', user: '501', groupAdd: ['124'] } }, expect: [{ path: '/proposed/groupAdd' }] },
    { name: 'same user', input: { current: { imageUuid: 'docker:nginx:1.15', user: '501:124' }, proposed: { imageUuid: 'docker:nginx:1.16', user: '501:124' } }, expect: [] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u) return [];
    const out: RawFinding[] = [];
    const at = { input: 'proposed' as const, service: u.service };
    const before = u.current.user?.value.trim() ?? null;
    const after = u.proposed.user?.value.trim() ?? null;
    if (before !== after) {
      out.push({ ...at, path: u.proposed.fieldPath('user'), message: `Runs as ${after ?? 'the image default user'} instead of ${before ?? 'the image default user'}.`, details: { before, after } });
    }
    const groupsBefore = u.current.groupAdd.map((g) => g.value).join(', ');
    const groupsAfter = u.proposed.groupAdd.map((g) => g.value).join(', ');
    if (groupsBefore !== groupsAfter) {
      out.push({ ...at, path: u.proposed.fieldPath('groupAdd'), message: `Runs with extra groups ${groupsAfter || 'none'} instead of ${groupsBefore || 'none'}.`, details: { before: groupsBefore, after: groupsAfter } });
    }
    return out;
  },
});
