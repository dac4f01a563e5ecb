import { defineRule } from '../rule';

export const diffEnvChange = defineRule({
  id: 'diff-env-change',
  title: 'Environment changes are summarised by key',
  severity: 'info',
  inputs: ['upgrade'],
  rationale: 'Lists which environment variables are added, removed or changed, by name only: values may be secrets and are never shown.',
  sources: [{ doc: 'BP18', section: 'Secrets', quote: 'as an environment variable (which is exposed in the docker-compose.yml file)' }],
  remediation: 'Review the changed variables before upgrading.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'changes', input: { current: { imageUuid: 'docker:app:1', environment: { A: '1', B: '2' } }, proposed: { imageUuid: 'docker:app:1', environment: { A: '3', C: '4' } } }, expect: [{ path: '/proposed/environment' }] },
    { name: 'same', input: { current: { imageUuid: 'docker:app:1', environment: { A: '1' } }, proposed: { imageUuid: 'docker:app:2', environment: { A: '1' } } }, expect: [] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u) return [];
    const before = new Map(u.current.env.map((e) => [e.key, e.value]));
    const after = new Map(u.proposed.env.map((e) => [e.key, e.value]));
    const added = [...after.keys()].filter((k) => !before.has(k));
    const removed = [...before.keys()].filter((k) => !after.has(k));
    const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k));
    if (added.length + removed.length + changed.length === 0) return [];
    const list = (sign: string, keys: string[]) => (keys.length > 0 ? `${sign}${keys.length} (${keys.join(', ')})` : `${sign}0`);
    return [
      {
        input: 'proposed',
        path: u.proposed.fieldPath('env'),
        service: u.service,
        message: `Environment changes: ${list('+', added)} ${list('−', removed)} ${list('~', changed)}.`,
        details: { added, removed, changed },
      },
    ];
  },
});
