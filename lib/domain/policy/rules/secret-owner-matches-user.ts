import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { pointer } from '../json-pointer';
import { defineRule } from '../rule';

export const secretOwnerMatchesUser = defineRule({
  id: 'secret-owner-matches-user',
  title: 'Secret files are owned by the uid the service runs as',
  severity: 'warning',
  inputs: ['compose', 'upgrade'],
  rationale:
    'With mode 0400 only the owner can read the file, so its uid must be the one the service runs as (root is 0; an unset uid is 0). Checked only when the service runs as a known number or root.',
  sources: [{ doc: 'BP18', section: 'Adding Secret to Container', quote: 'In general the file owner should match the UID that the service is running as' }],
  remediation: 'Set uid on the secret to the uid in the service user.',
  since: '2018-10',
  waivable: true,
  fixable: true,
  inferred: false,
  cases: [
    { name: 'owned by root, runs as 46311', input: { compose: composeYaml("db:\n  image: mongo:3.6\n  user: '46311:75137'\n  secrets:\n    - source: db.mystack.pw\n      mode: '0400'\n      uid: '0'") }, expect: [{ path: '/services/db/secrets/0/uid' }] },
    { name: 'owned by the user', input: { compose: composeYaml("db:\n  image: mongo:3.6\n  user: '46311:75137'\n  secrets:\n    - source: db.mystack.pw\n      mode: '0400'\n      uid: '46311'") }, expect: [] },
    { name: 'root and no uid', input: { compose: composeYaml("db:\n  image: mongo:3.6\n  user: root\n  secrets:\n    - source: db.mystack.pw\n      mode: '0400'") }, expect: [] },
    { name: 'named user is not guessed', input: { compose: composeYaml("db:\n  image: mongo:3.6\n  user: mongodb\n  secrets:\n    - source: db.mystack.pw\n      uid: '0'") }, expect: [] },
    { name: 'image default user is not guessed', input: { compose: composeYaml("db:\n  image: mongo:3.6\n  secrets:\n    - source: db.mystack.pw\n      uid: '999'") }, expect: [] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      const user = ctx.userOf(s)?.user;
      const runUid = user?.isRoot ? 0 : (user?.uid ?? null);
      if (runUid === null) continue;
      for (const x of s.secrets) {
        const uid = x.uid === null ? 0 : Number(x.uid);
        if (uid === runUid) continue;
        const label = x.name ?? x.target ?? x.secretId ?? '';
        const path = x.form === 'long' && x.uid !== null ? pointer(x.path, 'uid') : x.path;
        out.push({
          input: s.input,
          path,
          service: s.name,
          message: `Secret ${label} is owned by uid ${x.uid ?? '0 (the default)'} but ${s.name} runs as ${runUid}; with mode 0400 it is unreadable.`,
          fix: x.form === 'long' ? [{ op: 'add', path: pointer(x.path, 'uid'), value: String(runUid) }] : undefined,
        });
      }
    }
    return out;
  },
});
