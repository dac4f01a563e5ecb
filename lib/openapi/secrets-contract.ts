import 'server-only';
import { z } from 'zod';
import { stackId } from '@/lib/domain/rancher/resource-ids';
import { mutationProblems, signedInProblems, type OperationSpec } from './operation';

// Stack secrets, as DESIGN.md "Stack secrets" specifies them, written here while the secrets work builds
// the routes (issue 22). Once it has its zod schemas, these paths point at them and the schemas below go.

const secretIdParam = z.object({ stackId, secretId: z.string().min(1).max(64) });

const secretInput = z.object({
  name: z.string().min(1).max(256).describe('Must follow the stack’s naming convention (spin-policy.md §3.5)'),
  value: z.string().max(64 * 1024).describe('Write-only, at most 64 KiB; never logged, recorded or sent back'),
  description: z.string().max(1024).optional(),
});

const secretView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  mountedBy: z.array(z.object({ serviceId: z.string(), serviceName: z.string() })).describe('The services that mount the secret'),
});

export const secretsPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/stacks/{stackId}/secrets': {
    get: {
      id: 'listStackSecrets',
      tag: 'secrets',
      summary: 'The environment’s secrets whose names tie them to this stack (never a value)',
      params: z.object({ stackId }),
      success: { status: 200, schema: z.object({ secrets: z.array(secretView) }), description: 'The stack’s secrets' },
      problems: [...signedInProblems, 400, 404, 502, 503],
    },
    post: {
      id: 'createStackSecret',
      tag: 'secrets',
      summary: 'Create a secret for this stack (right `upgrade`)',
      params: z.object({ stackId }),
      body: secretInput,
      success: { status: 201, schema: secretView, description: 'The secret, without its value' },
      problems: [...signedInProblems, ...mutationProblems, 404, 409, 422, 502, 503],
    },
  },
  '/api/v1/stacks/{stackId}/secrets/{secretId}': {
    delete: {
      id: 'deleteStackSecret',
      tag: 'secrets',
      summary: 'Delete a secret no service mounts (409 naming those that do)',
      params: secretIdParam,
      success: { status: 204, description: 'Deleted' },
      problems: [...signedInProblems, ...mutationProblems, 404, 409, 502, 503],
    },
  },
};
