import { defineRule } from '../rule';

export const composeVersion2 = defineRule({
  id: 'compose-version-2',
  title: 'Compose files use format version 2',
  severity: 'error',
  inputs: ['compose'],
  rationale:
    'Rancher 1.6 reads compose format 2. Version 1 (no version key) and 3.x are refused; 2.1 to 2.4 are warnings because their support on Rancher 1.6 is not verified.',
  sources: [{ doc: 'BP18', section: 'Rancher Idiosyncrasies', quote: 'Rancher only supports up to version 2 of the Docker compose file format' }],
  remediation: "Write version: '2' and use only version 2 keys (no deploy:, configs:, or long port and volume syntax).",
  since: '2018-10',
  waivable: false,
  fixable: true,
  inferred: false,
  cases: [
    { name: 'version 3.7', input: { compose: "version: '3.7'\nservices:\n  web:\n    image: nginx:1.15\n" }, expect: [{ path: '/version', severity: 'error' }] },
    { name: 'version 2', input: { compose: "version: '2'\nservices:\n  web:\n    image: nginx:1.15\n" }, expect: [] },
    { name: 'version 2.0 as a number', input: { compose: 'version: 2.0\nservices:\n  web:\n    image: nginx:1.15\n' }, expect: [] },
    { name: 'version 2.4', input: { compose: "version: '2.4'\nservices:\n  web:\n    image: nginx:1.15\n" }, expect: [{ path: '/version', severity: 'warning' }] },
    { name: 'version 1 (no version)', input: { compose: 'web:\n  image: nginx:1.15\n' }, expect: [{ path: '/version', severity: 'error' }] },
  ],
  check(ctx) {
    const c = ctx.compose;
    if (!c) return [];
    const v = c.version;
    if (v !== null && /^2(\.0)?$/.test(v)) return [];
    const minor = v !== null && /^2\.[1-4]$/.test(v);
    const fixable = v !== null && c.v3Only.length === 0;
    return [
      {
        input: 'dockerCompose',
        path: '/version',
        severity: minor ? 'warning' : 'error',
        message: `Spin (Rancher 1.6) accepts compose file format version 2; found ${v === null ? 'none (version 1)' : v}.`,
        fix: fixable ? [{ op: 'replace', path: '/version', value: '2' }] : undefined,
        details: { v3Only: c.v3Only },
      },
    ];
  },
});
