import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { pointer } from '../json-pointer';
import { defineRule } from '../rule';

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export const dnsLabelNames = defineRule({
  id: 'dns-label-names',
  title: 'Stack and service names are DNS labels',
  severity: 'error',
  inputs: ['compose', 'stack'],
  rationale:
    'Spin publishes every service with a port mapping as <service>.<stack>.<environment>.stable.spin.nersc.org, so both names must be lower-case DNS labels of at most 63 characters and the whole name at most 253. Existing names are grandfathered (info).',
  sources: [{ doc: 'BP18', section: 'External DNS', quote: 'The DNS name will be of the form: <service name>.<stack name>.<environment>.stable.spin.nersc.org.' }],
  remediation: "Use lower-case letters, digits and '-' only, at most 63 characters.",
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'stack with underscore', input: { stackName: 'My_Portal', compose: composeYaml('db:\n  image: mysql:5.7') }, expect: [{ path: '/stack/name' }] },
    { name: 'service with underscore', input: { compose: composeYaml('db_1:\n  image: mysql:5.7') }, expect: [{ path: '/services/db_1' }] },
    { name: 'valid names', input: { stackName: 'myportal', compose: composeYaml('db:\n  image: mysql:5.7') }, expect: [] },
    { name: 'existing stack', input: { stackName: 'My_Portal', stackServices: [{ name: 'db', state: 'active' }], compose: composeYaml('db:\n  image: mysql:5.7') }, expect: [{ path: '/stack/name', severity: 'info' }] },
  ],
  check(ctx) {
    const c = ctx.compose;
    if (!c) return [];
    const out: RawFinding[] = [];
    const env = ctx.stack.environment ?? 'prod-cattle';
    const stack = ctx.stack.name;
    const fqdn = (service: string) => `${service}.${stack ?? '<stack>'}.${env}.stable.spin.nersc.org`;
    const say = (name: string, service: string) => `${name} cannot appear in DNS name ${fqdn(service)}; use a-z, 0-9 and '-' (≤ 63).`;
    if (stack !== null && !DNS_LABEL.test(stack)) {
      const existing = ctx.stack.services !== null;
      out.push({
        input: 'stack',
        path: '/stack/name',
        severity: existing ? 'info' : undefined,
        message: existing ? `Stack name ${stack} is not a DNS label; it is kept because the stack already exists.` : say(stack, c.services[0]?.name ?? 'web'),
      });
    }
    for (const s of c.services) {
      if (DNS_LABEL.test(s.name) && fqdn(s.name).length <= 253) continue;
      const existing = !ctx.isNewService(s.name);
      out.push({
        input: 'dockerCompose',
        path: pointer(c.servicesPath, s.name),
        service: s.name,
        severity: existing ? 'info' : undefined,
        message: existing ? `Service name ${s.name} is not a DNS label; it is kept because the service already exists.` : say(s.name, s.name),
      });
    }
    return out;
  },
});
