import { jsonBody, route } from '@/lib/http/route';
import { actionInput } from '@/lib/operations/audited-operation';
import { serviceIdParam } from '@/lib/domain/stacks/stack-schemas';
import { upgradeService } from '@/lib/operations/upgrade-service';
import { upgradeInput } from '@/lib/domain/upgrade/upgrade-input';
import { serviceView } from '@/lib/domain/stacks/stack-views';
import { secretsContextOf } from '@/lib/secrets/secrets-context';
import { environmentSecretNames } from '@/lib/secrets/stack-secrets';

export const POST = route<{ stackId: string; serviceId: string }>(async (ctx) => {
  const { stackId, serviceId } = serviceIdParam.parse(ctx.params);
  const operation = await secretsContextOf(ctx);
  const upgrade = await actionInput(operation, { action: 'service.upgrade', stackId, serviceId }, async () => upgradeInput.parse(await jsonBody(ctx.req)));
  // Mounts carry only secret ids: resolve them so the policy sees which stack each secret belongs to.
  const secretNames = upgrade.launchConfig.secrets ? await environmentSecretNames(operation, stackId) : undefined;
  const service = await upgradeService(operation, { stackId, serviceId, upgrade, ...(secretNames ? { secretNames } : {}) });
  return Response.json(serviceView(service), { status: 202 });
});
