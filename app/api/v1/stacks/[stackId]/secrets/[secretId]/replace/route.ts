import { jsonBody, route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { replaceSecretInput, secretIdParam } from '@/lib/domain/secrets/stack-secrets';
import { secretsContextOf } from '@/lib/secrets/secrets-context';
import { replaceSecretValue } from '@/lib/secrets/secret-moves';

/** "Replace value": a new version of the secret, and the upgrades that move its services to it. */
export const POST = route<{ stackId: string; secretId: string }>(async (ctx) => {
  const operation = await secretsContextOf(ctx);
  const { stackId, secretId } = await actionInput(operation, { action: 'secret.rotate', stackId: String(ctx.params.stackId) }, async () => secretIdParam.parse(ctx.params));
  const { value } = await actionInput(operation, { action: 'secret.rotate', stackId }, async () => replaceSecretInput.parse(await jsonBody(ctx.req)));
  const replaced = await replaceSecretValue(operation, { stackId, secretId, value });
  return Response.json(replaced, { status: 201, headers: { 'cache-control': 'no-store' } });
});
