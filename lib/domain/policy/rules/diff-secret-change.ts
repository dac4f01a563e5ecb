import { octal, RANCHER_DEFAULT_SECRET_MODE } from '../file-mode';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import type { SecretEntry } from '../service-spec';
const key = (s: SecretEntry) => s.name ?? s.secretId ?? s.target ?? '';

export const diffSecretChange = defineRule({
  id: 'diff-secret-change',
  title: 'Changes to mounted secrets are shown',
  severity: 'warning',
  inputs: ['upgrade'],
  rationale: 'Adding or removing a secret, loosening its mode or changing its owner changes who can read sensitive data; secret values are never part of the check.',
  sources: [{ doc: 'BP18', section: 'Adding Secret to Container', quote: 'Customize the file ownership and permissions to restrict read permissions within the running container.' }],
  remediation: 'Keep secrets at mode 0400, owned by the service user.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'added', input: { current: { imageUuid: 'docker:mysql:5.7' }, proposed: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'pw', mode: '400' }] } }, expect: [{ path: '/proposed/secrets/0' }] },
    { name: 'mode loosened', input: { current: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'pw', mode: '400' }] }, proposed: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'pw', mode: '444' }] } }, expect: [{ path: '/proposed/secrets/0' }] },
    { name: 'removed', input: { current: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'pw' }] }, proposed: { imageUuid: 'docker:mysql:5.7', secrets: [] } }, expect: [{ path: '/proposed/secrets' }] },
    { name: 'unchanged', input: { current: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'pw', mode: '400', uid: '0' }] }, proposed: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'pw', mode: '400', uid: '0' }] } }, expect: [] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u) return [];
    const out: RawFinding[] = [];
    const push = (path: string, name: string, change: string) => out.push({ input: 'proposed', path, service: u.service, message: `Secret ${name}: ${change}.` });
    for (const b of u.proposed.secrets) {
      const a = u.current.secrets.find((x) => key(x) === key(b));
      if (!a) {
        push(b.path, key(b), 'added');
        continue;
      }
      const modeA = a.mode ?? RANCHER_DEFAULT_SECRET_MODE;
      const modeB = b.mode ?? RANCHER_DEFAULT_SECRET_MODE;
      if ((modeB & ~modeA) !== 0) push(b.path, key(b), `mode loosened from ${octal(modeA)} to ${octal(modeB)}`);
      if ((a.uid ?? '0') !== (b.uid ?? '0')) push(b.path, key(b), `owner changes from uid ${a.uid ?? '0'} to ${b.uid ?? '0'}`);
    }
    for (const a of u.current.secrets) {
      if (!u.proposed.secrets.some((x) => key(x) === key(a))) push(u.proposed.fieldPath('secrets'), key(a), 'removed');
    }
    return out;
  },
});
