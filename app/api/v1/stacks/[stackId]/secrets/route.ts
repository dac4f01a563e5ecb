import { jsonBody, route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { stackIdParam } from '@/lib/domain/stacks/stack-schemas';
import { createSecretInput } from '@/lib/domain/secrets/stack-secrets';
import { secretsContextOf } from '@/lib/secrets/secrets-context';
import { createStackSecret, listStackSecrets } from '@/lib/secrets/stack-secrets';

export const GET = route<{ stackId: string }>(async (ctx) => {
  const { stackId } = stackIdParam.parse(ctx.params);
  const secrets = await listStackSecrets(await secretsContextOf(ctx), stackId);
  return Response.json({ secrets }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = route<{ stackId: string }>(async (ctx) => {
  const { stackId } = stackIdParam.parse(ctx.params);
  const operation = await secretsContextOf(ctx);
  const input = await actionInput(operation, { action: 'secret.create', stackId }, async () => createSecretInput.parse(await jsonBody(ctx.req)));
  const secret = await createStackSecret(operation, stackId, input);
  return Response.json(secret, { status: 201, headers: { 'cache-control': 'no-store' } });
});
