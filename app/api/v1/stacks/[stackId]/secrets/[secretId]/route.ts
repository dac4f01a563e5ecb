import { route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { secretIdParam } from '@/lib/domain/secrets/stack-secrets';
import { secretsContextOf } from '@/lib/secrets/secrets-context';
import { removeStackSecret } from '@/lib/secrets/stack-secrets';

export const DELETE = route<{ stackId: string; secretId: string }>(async (ctx) => {
  const operation = await secretsContextOf(ctx);
  const { stackId, secretId } = await actionInput(operation, { action: 'secret.remove', stackId: String(ctx.params.stackId) }, async () => secretIdParam.parse(ctx.params));
  await removeStackSecret(operation, stackId, secretId);
  return new Response(null, { status: 204 });
});
