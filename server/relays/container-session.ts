import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { AuditCompletion } from '@/lib/domain/audit/audit-event';
import { BadRequestError } from '@/lib/domain/errors/app-error';
import { toProblem } from '@/lib/domain/errors/problem';
import { auditActor, auditEnvironment } from '@/lib/operations/audited-operation';
import { authorizeContainer, type ContainerAccess } from '@/lib/operations/container-access';
import type { OperationContext } from '@/lib/operations/operation-context';
import type { UpgradeContext } from '../upgrade-router';
import { processRelayServices, relayContext, type RelayServices } from './relay-context';
import { takeSocketSlot } from './socket-quota';

export interface ContainerSessionSpec<Q> {
  /** The right the session needs, which also names its audit rows (`logs.open`, `logs.close`). */
  kind: 'logs' | 'shell';
  query: z.ZodType<Q>;
  /** The 400's words when the query does not parse. */
  queryHint: string;
}

/** How a session's open or close row ends; the close row adds how long the session lasted. */
export type SessionEnding = Omit<AuditCompletion, 'durationMs'>;

/** An accepted websocket to one container the person may use, with its audit rows. */
export interface ContainerSession<Q> {
  ws: WebSocket;
  ctx: OperationContext;
  /** The container and its stack, as read for the authorization: pass them on instead of reading again. */
  access: ContainerAccess;
  query: Q;
  /** When the handshake completed (ms since the epoch). */
  openedAt: number;
  /** Records `<kind>.open`. */
  recordOpen(ending: SessionEnding): Promise<void>;
  /** Records `<kind>.close` with the session's length; a failure to record is logged, never thrown. */
  recordClose(ending: SessionEnding): Promise<void>;
}

/**
 * The skeleton every container relay shares: a signed-in person (401), a well-formed query (400), the
 * container's stack allowing `kind` (404 for absent and not shared alike, recorded as denied; Rancher
 * down recorded as failed), a free socket slot (429), then the handshake. Refusals are thrown, for the
 * upgrade router to answer through lib/errors' one mapping. Null when the browser has already gone.
 */
export async function openContainerSession<Q>(
  upgrade: UpgradeContext,
  spec: ContainerSessionSpec<Q>,
  services: RelayServices = processRelayServices,
): Promise<ContainerSession<Q> | null> {
  const ctx = await relayContext(upgrade, services);
  const parsed = spec.query.safeParse(Object.fromEntries(upgrade.url.searchParams));
  if (!parsed.success) throw new BadRequestError(spec.queryHint, { errors: toProblem(parsed.error).problem.errors });
  const containerId = upgrade.params[0] ?? '';
  const access = await authorizeContainer(ctx, containerId, spec.kind, `${spec.kind}.open`);
  if (!takeSocketSlot(upgrade, ctx.user.uid, services.maxSocketsPerUser())) return null;

  const ws = await upgrade.accept();
  const openedAt = Date.now();
  const { container, stack, serviceName } = access;
  const row = {
    ...auditActor(ctx),
    ...auditEnvironment(stack),
    stackId: stack.id,
    stackName: stack.name,
    serviceId: container.serviceId ?? null,
    serviceName,
    containerId: container.id,
    containerName: container.name,
  };
  return {
    ws,
    ctx,
    access,
    query: parsed.data,
    openedAt,
    recordOpen: async (ending) => {
      await ctx.audit.record({ ...row, ...ending, action: `${spec.kind}.open` });
    },
    recordClose: async (ending) => {
      try {
        await ctx.audit.record({ ...row, ...ending, action: `${spec.kind}.close`, durationMs: Date.now() - openedAt });
      } catch (err) {
        ctx.log.error({ err, containerId: container.id }, `could not record the end of a ${spec.kind} session`);
      }
    },
  };
}
