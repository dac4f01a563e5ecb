import { defineRule } from '../rule';
import { requiredTagFindings, stackLabel } from '../required-stack-tag';

export const stackTagStaffOwner = defineRule({
  id: 'stack-tag-staff-owner',
  title: 'The stack has a staff-owner: tag',
  severity: 'error',
  inputs: ['stack'],
  rationale: 'The staff-owner tag names the NERSC staff member who knows the application, exactly once, as a NIM username. Evaluated only when stack tags are given.',
  sources: [
    {
      doc: 'BP18',
      section: 'Stack Tags',
      quote: 'staff-owner: | Required | NERSC staff member that is most familiar with or contact person for application (similar semantics to staff-owner in Service Now). Must be in the form of a NIM username | staff-owner:wilma',
    },
  ],
  remediation: 'Add staff-owner:<NERSC staff username> to the stack tags; ask your NERSC contact.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'no staff owner', input: { stackName: 'bar-nersc', stackTags: 'owner:fred' }, expect: [{ path: '/stack/group' }] },
    { name: 'staff owner', input: { stackName: 'bar-nersc', stackTags: 'owner:fred, staff-owner:wilma' }, expect: [] },
    { name: 'object form', input: { stackName: 'bar-nersc', stackTags: { owner: 'fred', staffOwner: 'wilma' } }, expect: [] },
  ],
  check: (ctx) =>
    requiredTagFindings(ctx, 'staff-owner', `${stackLabel(ctx)} needs a staff-owner:<NERSC staff username> tag; ask your NERSC contact.`),
});
