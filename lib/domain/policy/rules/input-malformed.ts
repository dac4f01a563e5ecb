import { composeYaml } from '../compose-yaml';
import { defineRule } from '../rule';

export const inputMalformed = defineRule({
  id: 'input-malformed',
  title: 'Every setting can be read',
  severity: 'error',
  inputs: ['compose', 'upgrade', 'stack', 'operation', 'dockerfile'],
  rationale: 'A setting the checker cannot read cannot be shown to be safe, so it blocks like a violation: bad YAML, an imageUuid without docker:, a malformed port, compose v3 long syntax.',
  sources: [{ doc: 'catalog', section: '4.2', quote: 'input not parseable into ServiceSpec' }],
  remediation: 'Correct the value at the reported place; the message says what was expected.',
  since: '2018-10',
  waivable: false,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'bad port', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  ports:\n    - "80:http"') }, expect: [{ path: '/services/web/ports/0' }] },
    { name: 'long port syntax', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  ports:\n    - target: 80\n      published: 60000') }, expect: [{ path: '/services/web/ports/0' }] },
    { name: 'imageUuid without docker:', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'nginx:1.16' } }, expect: [{ path: '/proposed/imageUuid' }] },
    { name: 'bad YAML', input: { compose: 'services:\n  web: [\n' }, expect: [{ path: '' }] },
    { name: 'readable service', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  ports:\n    - "60000:8080"') }, expect: [] },
  ],
  check: (ctx) => [...ctx.problems],
});
