import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

export const composeDuplicateKey = defineRule({
  id: 'compose-duplicate-key',
  title: 'No key is written twice in a compose file',
  severity: 'warning',
  inputs: ['compose'],
  rationale:
    'YAML forbids a key written twice in one map, but the readers Rancher uses keep the last value without a word, so a second `volumes:` or `image:` silently replaces the first. The file is checked as Rancher reads it (the last value), and each repeated key is shown so the author sees which line counts.',
  sources: [{ doc: 'BP18', section: 'Rancher Idiosyncrasies', quote: 'Rancher only supports up to version 2 of the Docker compose file format' }],
  remediation: 'Remove the earlier copy of the key, or merge the two values into one.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'image twice', input: { compose: "version: '2'\nservices:\n  web:\n    image: nginx:1.15\n    image: nginx:1.16\n" }, expect: [{ path: '/services/web/image', severity: 'warning' }] },
    { name: 'service twice', input: { compose: "version: '2'\nservices:\n  web:\n    image: nginx:1.15\n  web:\n    image: nginx:1.16\n" }, expect: [{ path: '/services/web' }] },
    { name: 'rancher-compose', input: { compose: "version: '2'\nservices:\n  web:\n    image: nginx:1.15\n", rancherCompose: "version: '2'\nservices:\n  web:\n    scale: 1\n    scale: 2\n" }, expect: [{ path: '/services/web/scale' }] },
    { name: 'distinct keys', input: { compose: "version: '2'\nservices:\n  web:\n    image: nginx:1.15\n  app:\n    image: nginx:1.15\n" }, expect: [] },
  ],
  check(ctx) {
    return ctx.duplicateKeys.map(
      (d): RawFinding => ({ input: d.input, path: d.path, position: d.position, message: `${d.key} is written more than once here; Rancher keeps only the last value (line ${d.position.line} onwards).` }),
    );
  },
});
