import { jsonBody, route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { stackIdParam } from '@/lib/domain/stacks/stack-schemas';
import { moveToSecretInput } from '@/lib/domain/secrets/stack-secrets';
import { secretsContextOf } from '@/lib/secrets/secrets-context';
import { moveVariableToSecret } from '@/lib/secrets/secret-moves';

/** "Move to a secret": the secret is made from the variable's value here; the answer is the change to preview. */
export const POST = route<{ stackId: string }>(async (ctx) => {
  const { stackId } = stackIdParam.parse(ctx.params);
  const operation = await secretsContextOf(ctx);
  const input = await actionInput(operation, { action: 'secret.create', stackId }, async () => moveToSecretInput.parse(await jsonBody(ctx.req)));
  const moved = await moveVariableToSecret(operation, { stackId, ...input });
  return Response.json(moved, { status: 201, headers: { 'cache-control': 'no-store' } });
});
