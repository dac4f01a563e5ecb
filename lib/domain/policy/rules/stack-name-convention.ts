import { defineRule } from '../rule';

const SYSTEM_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `foo.jgi.doe.gov` → `foo-jgi-doe`: the FQDN without its top-level domain, dots as dashes. */
export function stackNameFromFqdn(fqdn: string): string {
  return fqdn.replace(/\.$/, '').split('.').slice(0, -1).join('-');
}

export const stackNameConvention = defineRule({
  id: 'stack-name-convention',
  title: 'Stack names follow the naming convention',
  severity: { '2018-10': 'warning', '2019-05': 'info' },
  inputs: ['stack'],
  rationale:
    'BP18 derives the stack name from its public name (foo.jgi.doe.gov → foo-jgi-doe), checked when an fqdn: tag exists. From 2019 stacks are named after the system they represent, which is not checkable; only the form (lower-case words joined by dashes) is reported, as info. Evaluated for new stacks when stack tags are given.',
  sources: [
    { doc: 'BP18', section: 'Naming Convention for Stacks', quote: 'Stacks should be named to match to non-TLD components of public-facing name (eg foo-jgi-doe for foo.jgi.doe.gov and bar-nersc for bar.nersc.gov)' },
    { doc: 'BP19', section: 'Naming Convention for Stacks', quote: 'named after the software systems they represent' },
  ],
  remediation: 'Name the stack after its public name without the top-level domain (2018), or as lower-case words joined by dashes (2019).',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'FQDN mismatch (2018)', input: { profile: '2018-10', stackName: 'foo', stackTags: 'owner:fred, staff-owner:wilma, fqdn:foo.jgi.doe.gov' }, expect: [{ path: '/stack/name', severity: 'warning' }] },
    { name: 'FQDN-derived (2018)', input: { profile: '2018-10', stackName: 'foo-jgi-doe', stackTags: 'owner:fred, staff-owner:wilma, fqdn:foo.jgi.doe.gov' }, expect: [] },
    { name: 'no fqdn tag (2018)', input: { profile: '2018-10', stackName: 'fred-first-stack', stackTags: 'owner:fred, staff-owner:wilma' }, expect: [] },
    { name: 'odd form (2019)', input: { stackName: 'Genome--Browser', stackTags: 'owner:dino, staff-owner:wilma' }, expect: [{ path: '/stack/name', severity: 'info' }] },
    { name: 'system name (2019)', input: { stackName: 'genome-browser', stackTags: 'owner:dino, staff-owner:wilma' }, expect: [] },
    { name: 'no tags given', input: { stackName: 'Genome--Browser' }, expect: [] },
  ],
  check(ctx) {
    const { name, tags, services } = ctx.stack;
    if (name === null || tags === null || services !== null) return [];
    if (ctx.profile.stackNaming === 'fqdn') {
      const fqdn = tags.tags.find((t) => t.key === 'fqdn' && t.problem === null)?.value;
      const expected = fqdn ? stackNameFromFqdn(fqdn) : null;
      if (!expected || expected === name) return [];
      return [{ input: 'stack', path: '/stack/name', message: `Stack name ${name} should be ${expected} (from fqdn:${fqdn}).` }];
    }
    if (SYSTEM_NAME.test(name)) return [];
    return [{ input: 'stack', path: '/stack/name', message: `Stack name ${name} should be lower-case words joined by single dashes, named after the system it runs.` }];
  },
});
