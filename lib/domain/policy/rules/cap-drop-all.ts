import { composeYaml } from '../compose-yaml';
import { defineRule } from '../rule';
import { dropAllFix } from '../spec-fixes';

export const capDropAll = defineRule({
  id: 'cap-drop-all',
  title: 'Services drop all capabilities and add back only what they need',
  severity: 'warning',
  inputs: ['compose', 'upgrade'],
  rationale: "Most containers need none of Docker's default capabilities; every NERSC lesson service starts from cap_drop: ALL.",
  sources: [
    { doc: 'BP18', section: 'Security', quote: 'In most cases, a container can drop all capabilities, and only add back one or two that are actually needed by the container.' },
    { doc: 'L2', section: 'Security requirements', quote: 'All Linux kernel capabilities are dropped with the cap_drop: ALL parameter' },
  ],
  remediation: 'Add cap_drop: [ALL] and list in cap_add only the capabilities the service needs.',
  since: '2018-10',
  waivable: true,
  fixable: true,
  inferred: false,
  cases: [
    { name: 'default capabilities', input: { compose: composeYaml('web:\n  image: nginx:1.15') }, expect: [{ path: '/services/web/cap_drop' }] },
    { name: 'drops all', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  cap_drop: [ALL]\n  cap_add: [NET_BIND_SERVICE]') }, expect: [] },
    { name: 'lower case all', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  cap_drop: [all]') }, expect: [] },
    { name: 'drops some', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  cap_drop: [NET_RAW]') }, expect: [{ path: '/services/web/cap_drop' }] },
    { name: 'launchConfig', input: { current: { imageUuid: 'docker:nginx:1.15', capDrop: ['ALL'] }, proposed: { imageUuid: 'docker:nginx:1.15', capDrop: null } }, expect: [{ path: '/proposed/capDrop' }] },
  ],
  check(ctx) {
    return ctx.services
      .filter((s) => !s.capDrop.some((c) => c.name === 'ALL'))
      .map((s) => ({
        input: s.input,
        path: s.fieldPath('capDrop'),
        service: s.name,
        message: `${s.name} keeps Docker's default capabilities; add cap_drop: [ALL] and cap_add only what it needs.`,
        fix: dropAllFix(s),
      }));
  },
});
