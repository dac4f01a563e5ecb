import { defineRule } from '../rule';
import { requiredTagFindings, stackLabel } from '../required-stack-tag';

export const stackTagOwner = defineRule({
  id: 'stack-tag-owner',
  title: 'The stack has an owner: tag',
  severity: 'error',
  inputs: ['stack'],
  rationale:
    'The owner tag names the developer or primary user of the stack, exactly once, as a NIM username. Evaluated only when stack tags are given; on stop, start and restart it is a warning so a mis-tagged stack can still be stopped. Who may act on the stack is decided by the portal, not by this rule.',
  sources: [{ doc: 'BP18', section: 'Stack Tags', quote: 'owner: | Required | Developer or primary user of stack. Must be in the form of a NIM username | owner:fred' }],
  remediation: 'Add owner:<NIM username> to the stack tags.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'no owner', input: { stackName: 'foo-jgi-doe', stackTags: 'group:csg, staff-owner:wilma' }, expect: [{ path: '/stack/group', severity: 'error' }] },
    { name: 'owner', input: { stackName: 'foo-jgi-doe', stackTags: 'owner:fred, group:csg, staff-owner:wilma' }, expect: [] },
    { name: 'two owners', input: { stackName: 'foo-jgi-doe', stackTags: 'owner:fred, owner:barney, staff-owner:wilma' }, expect: [{ path: '/stack/group' }] },
    { name: 'not a username', input: { stackName: 'foo-jgi-doe', stackTags: 'owner:fred flintstone, staff-owner:wilma' }, expect: [{ path: '/stack/group' }] },
    { name: 'stopping a mis-tagged stack', input: { stackName: 'legacy-stack', stackTags: '', operation: { op: 'stop' } }, expect: [{ path: '/stack/group', severity: 'warning' }] },
    { name: 'no tags given', input: { stackName: 'foo-jgi-doe' }, expect: [] },
  ],
  check: (ctx) => requiredTagFindings(ctx, 'owner', `${stackLabel(ctx)} needs an owner:<NIM username> tag.`),
});
