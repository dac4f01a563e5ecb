import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import { STACK_GROUP_PATH, stackTagSeverity } from '../required-stack-tag';

const FQDN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/;
const RECOMMENDED = ['group', 'staff-group', 'fqdn'] as const;
const PROBLEMS = {
  empty: 'is empty (two commas in a row, or a trailing comma)',
  'no-colon': 'is not key:value',
  'empty-value': 'has no value',
  'unknown-key': 'is not a Spin tag (owner, staff-owner, group, staff-group, fqdn, requires)',
} as const;

export const stackTagRecommended = defineRule({
  id: 'stack-tag-recommended',
  title: 'Stack tags are well formed and include the recommended ones',
  severity: 'warning',
  inputs: ['stack'],
  rationale:
    'group:, staff-group: and fqdn: are recommended (info when missing); a tag that is not key:value, has no value or an unknown key is a warning, as is an fqdn: that is not a domain name. A stack with Global Filesystem mounts should say requires:gpfs (info).',
  sources: [
    { doc: 'BP18', section: 'Stack Tags', quote: 'Some tags are optional, while others are required for all stacks.' },
    { doc: 'BP18', section: 'Stack Tags', quote: 'requires: | Optional | Specifies dependencies of the stack, for example external file systems | requires:gpfs' },
  ],
  remediation: 'Write tags as key:value separated by commas, e.g. owner:fred, staff-owner:wilma, group:csg, staff-group:isg, fqdn:foo.nersc.gov.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: true,
  cases: [
    {
      name: 'missing recommended tags',
      input: { stackName: 'bar-nersc', stackTags: 'owner:fred, staff-owner:wilma' },
      expect: [{ path: '/stack/group', severity: 'info' }, { path: '/stack/group', severity: 'info' }, { path: '/stack/group', severity: 'info' }],
    },
    { name: 'all tags', input: { stackName: 'foo-jgi-doe', stackTags: 'owner:fred, staff-owner:wilma, group:csg, staff-group:isg, fqdn:foo.jgi.doe.gov' }, expect: [] },
    { name: 'unknown key', input: { stackName: 'foo-jgi-doe', stackTags: 'owner:fred, staff-owner:wilma, group:csg, staff-group:isg, fqdn:foo.jgi.doe.gov, team:x' }, expect: [{ path: '/stack/group', severity: 'warning' }] },
    { name: 'bad fqdn', input: { stackName: 'foo-jgi-doe', stackTags: 'owner:fred, staff-owner:wilma, group:csg, staff-group:isg, fqdn:foo_jgi' }, expect: [{ path: '/stack/group', severity: 'warning' }] },
    {
      name: 'gpfs without requires',
      input: {
        stackName: 'genome-browser',
        stackTags: 'owner:dino, staff-owner:wilma, group:genome, staff-group:isg, fqdn:genome.jgi.doe.gov',
        compose: "version: '2'\nservices:\n  app:\n    image: python:3.7\n    volumes: ['/global/project/projectdirs/genome/spin/app:/data:ro']\n",
      },
      expect: [{ path: '/stack/group', severity: 'info' }],
    },
  ],
  check(ctx) {
    const tags = ctx.stack.tags;
    if (!tags) return [];
    const out: RawFinding[] = [];
    const warning = stackTagSeverity(ctx, 'warning');
    for (const t of tags.tags) {
      const range = t.range ?? undefined;
      if (t.problem) out.push({ input: 'stack', path: STACK_GROUP_PATH, range, severity: warning, message: `Tag "${t.raw}" ${PROBLEMS[t.problem]}.` });
      else if (t.key === 'fqdn' && !FQDN.test(t.value)) out.push({ input: 'stack', path: STACK_GROUP_PATH, range, severity: warning, message: `fqdn:${t.value} is not a fully qualified domain name.` });
    }
    for (const key of RECOMMENDED) {
      if (!tags.tags.some((t) => t.key === key && t.problem === null)) {
        out.push({ input: 'stack', path: STACK_GROUP_PATH, severity: 'info', message: `Stack tag ${key}: is recommended (${key === 'fqdn' ? 'its public DNS name' : key === 'group' ? 'the LDAP group that owns it' : 'the NERSC group that supports it'}).` });
      }
    }
    const usesGpfs = ctx.services.some((s) => s.externalMounts.length > 0);
    if (usesGpfs && !tags.tags.some((t) => t.key === 'requires' && t.value.includes('gpfs'))) {
      out.push({ input: 'stack', path: STACK_GROUP_PATH, severity: 'info', message: 'The stack mounts the Global Filesystem; add the tag requires:gpfs.' });
    }
    return out;
  },
});
