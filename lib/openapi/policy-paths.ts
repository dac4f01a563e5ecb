import 'server-only';
import { policyCheckRequest } from '@/lib/domain/policy/check-input';
import { policyCheckResult } from '@/lib/domain/policy/policy-check-result';
import { mutationProblems, signedInProblems, type OperationSpec } from './operation';

export const policyPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/policy/check': {
    post: {
      id: 'checkPolicy',
      tag: 'policy',
      summary: 'Check compose files or a launchConfig change against Spin policy',
      description: 'The same check the upgrade form runs as you type and the upgrade runs again. Findings of severity `info` are listed, not counted. Files over 512 KiB answer 413; over 200 services, or input that cannot be read, 422 (`policy-input`).',
      body: policyCheckRequest,
      success: { status: 200, schema: policyCheckResult, description: 'The findings' },
      problems: [...signedInProblems, ...mutationProblems, 422, 503],
    },
  },
};
