import { SPIN_ALLOWED_CAPS } from '../capabilities';
import { composeYaml } from '../compose-yaml';
import { defineRule } from '../rule';

export const capabilitiesAllowed = defineRule({
  id: 'capabilities-allowed',
  title: 'Added capabilities are on the Spin allowlist',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale:
    'The table of allowed kernel capabilities is exhaustive: CHOWN, DAC_OVERRIDE, FOWNER, KILL, SETGID, SETUID and NET_BIND_SERVICE. Names are compared in any case, with or without CAP_.',
  sources: [
    {
      doc: 'BP18',
      section: 'Allowed Kernel Capabilities',
      quote: 'The following chart shows which capabilities are allowed for Spin containers, and Spin containers which uses the NERSC Global Filesystem',
    },
  ],
  remediation: 'Remove the capability from cap_add; if the service truly needs it, talk to ISG.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'SYS_ADMIN', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  cap_add: [SYS_ADMIN]') }, expect: [{ path: '/services/web/cap_add/0' }] },
    { name: 'L3 db', input: { compose: composeYaml('db:\n  image: mongo:3.6\n  cap_drop: [ALL]\n  cap_add: [CHOWN, SETGID, SETUID]') }, expect: [] },
    { name: 'any case and CAP_ prefix', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  cap_add: [cap_net_bind_service, Kill, CAP_NET_ADMIN]') }, expect: [{ path: '/services/web/cap_add/2' }] },
    { name: 'ALL', input: { compose: composeYaml('web:\n  image: nginx:1.15\n  cap_add: [ALL]') }, expect: [{ path: '/services/web/cap_add/0' }] },
    { name: 'launchConfig', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', capAdd: ['NET_ADMIN'] } }, expect: [{ path: '/proposed/capAdd/0' }] },
  ],
  check(ctx) {
    return ctx.services.flatMap((s) =>
      s.capAdd
        .filter((c) => !SPIN_ALLOWED_CAPS.includes(c.name))
        .map((c) => ({
          input: s.input,
          path: c.path,
          service: s.name,
          message: `Capability ${c.name} is not allowed in Spin (allowed: ${SPIN_ALLOWED_CAPS.join(', ')}).`,
        })),
    );
  },
});
