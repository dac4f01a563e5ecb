import 'server-only';
import { z } from 'zod';
import { stackId } from '@/lib/domain/rancher/resource-ids';
import { createSecretInput, movedToSecret, moveToSecretInput, replacedSecret, replaceSecretInput, secretIdParam, secretList, secretView } from '@/lib/domain/secrets/stack-secrets';
import { mutationProblems, signedInProblems, type OperationSpec } from './operation';

// Stack secrets (DESIGN.md "Stack secrets"). Every answer leaves the value out; every write needs the
// right `upgrade` on the stack the secret's name ties it to.

const changing = [...signedInProblems, ...mutationProblems, 404, 409, 422, 502, 503];

export const secretsPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/stacks/{stackId}/secrets': {
    get: {
      id: 'listStackSecrets',
      tag: 'secrets',
      summary: 'The environment’s secrets whose names tie them to this stack (never a value)',
      params: z.object({ stackId }),
      success: { status: 200, schema: secretList, description: 'The stack’s secrets' },
      problems: [...signedInProblems, 404, 502, 503],
    },
    post: {
      id: 'createStackSecret',
      tag: 'secrets',
      summary: 'Create a secret for this stack (right `upgrade`)',
      description: 'The name must follow the stack’s naming convention (spin-policy.md §3.5); the value is write-only, at most 64 KiB, never logged, recorded or sent back.',
      params: z.object({ stackId }),
      body: createSecretInput,
      success: { status: 201, schema: secretView, description: 'The secret, without its value' },
      problems: changing,
    },
  },
  '/api/v1/stacks/{stackId}/secrets/from-environment': {
    post: {
      id: 'moveVariableToSecret',
      tag: 'secrets',
      summary: 'Move to a secret: create `<service>.<stack>.<file>` from a variable’s value (right `upgrade`)',
      description: 'The value never leaves the server. The answer is the upgrade to preview and send (the variable replaced by `<VARIABLE>_FILE` and a mount); the service is not changed until then.',
      params: z.object({ stackId }),
      body: moveToSecretInput,
      success: { status: 201, schema: movedToSecret, description: 'The new secret and the proposed change' },
      problems: changing,
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
  '/api/v1/stacks/{stackId}/secrets/{secretId}/replace': {
    post: {
      id: 'replaceStackSecret',
      tag: 'secrets',
      summary: 'Replace value: create the next version of a secret and propose moving every mount to it (right `upgrade`)',
      description: 'Rancher’s secrets cannot change, so the new value becomes `<name>.v2` (or the next free version). The answer holds one upgrade per service that mounts the old secret; remove the old one once they are finished.',
      params: secretIdParam,
      body: replaceSecretInput,
      success: { status: 201, schema: replacedSecret, description: 'The new secret, the one it replaces, and the upgrades to send' },
      problems: changing,
    },
  },
};
