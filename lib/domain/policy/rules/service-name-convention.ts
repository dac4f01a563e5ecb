import { composeYaml } from '../compose-yaml';
import { pointer } from '../json-pointer';
import { defineRule } from '../rule';

export const serviceNameConvention = defineRule({
  id: 'service-name-convention',
  title: 'Service names say what the service does',
  severity: { '2018-10': 'info', '2019-05': 'error' },
  inputs: ['compose', 'stack'],
  rationale:
    'Standard names tell collaborators and NERSC staff what each service is. BP18 recommends app, db, kv, lb and web; since 2019-04 the names api, app, db, kv, lb, util and web, optionally with -suffix, are required for new services. Existing services are grandfathered (info): Rancher cannot rename them.',
  sources: [
    { doc: 'BP18', section: 'Naming Convention for Services', quote: 'Common services should use a name from the following table of recommended names' },
    { doc: 'BP19', section: 'Naming Convention for Services', quote: 'allowed service names, optionally followed by a hyphen and a descriptive suffix' },
    { doc: 'CS19', section: 'Service names', quote: 'Services must use one of the following names' },
  ],
  remediation: 'Rename the service to api, app, db, kv, lb, util or web, with a -suffix if there are several (web-nginx, app-django).',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'apache', input: { compose: composeYaml('apache:\n  image: httpd:2.4') }, expect: [{ path: '/services/apache', severity: 'error' }] },
    { name: 'upper case', input: { compose: composeYaml('Web:\n  image: nginx:1.15') }, expect: [{ path: '/services/Web', severity: 'error' }] },
    { name: 'underscore suffix', input: { compose: composeYaml('web_nginx:\n  image: nginx:1.15') }, expect: [{ path: '/services/web_nginx', severity: 'error' }] },
    { name: 'allowed names', input: { compose: composeYaml('web:\n  image: nginx:1.15\nweb-nginx:\n  image: nginx:1.15\napp-images:\n  image: python:3.7') }, expect: [] },
    { name: 'suffix in 2018', input: { compose: composeYaml('web-nginx:\n  image: nginx:1.15'), profile: '2018-10' }, expect: [{ path: '/services/web-nginx', severity: 'info' }] },
    { name: 'existing service', input: { compose: composeYaml('apache:\n  image: httpd:2.4'), stackServices: [{ name: 'apache', state: 'active' }] }, expect: [{ path: '/services/apache', severity: 'info' }] },
  ],
  check(ctx) {
    const c = ctx.compose;
    if (!c) return [];
    const names = ctx.profile.serviceNames.join(', ');
    return c.services
      .filter((s) => !ctx.profile.serviceNamePattern.test(s.name))
      .map((s) => {
        const at = { input: 'dockerCompose' as const, path: pointer(c.servicesPath, s.name), service: s.name };
        if (!ctx.isNewService(s.name)) return { ...at, severity: 'info' as const, message: `Service name ${s.name} is not a standard name; it is kept because the service already exists.` };
        return ctx.profile.id === '2018-10'
          ? { ...at, message: `Service name ${s.name} is not one of the recommended names (${names}); prefer one if it fits.` }
          : { ...at, message: `Service name ${s.name} must be ${names.replace(/, (\w+)$/, ' or $1')}, optionally with -suffix (e.g. web-nginx).` };
      });
  },
});
