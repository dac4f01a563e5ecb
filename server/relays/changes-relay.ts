import type { WebSocket } from 'ws';
import type { OperationContext } from '@/lib/operations/operation-context';
import type { ResourceChange } from '@/lib/domain/rancher/types';
import { rightsOn } from '@/lib/domain/access/authorize';
import type { StacksChangedFrame } from '@/lib/domain/sockets/change-frames';
import type { UpgradeContext, UpgradeRoute } from '../upgrade-router';
import { relayContext } from './relay-context';

/**
 * Changes are gathered and sent as one frame, at most one a second: a rolling restart emits dozens of
 * events a second, and each frame makes the browser refetch. The first change waits only a moment.
 */
const gatherMs = 100;
const minGapMs = 1_000;
const keepaliveMs = 30_000;

/**
 * The ids among `changed` that the user may see now or could see until now (so a page learns that a
 * stack it shows went away or was unshared), and the new set of those seen.
 */
async function visibleChanges(ctx: OperationContext, changed: ReadonlySet<string>, seen: ReadonlySet<string>): Promise<{ ids: string[]; seen: Set<string> }> {
  const stacks = await ctx.backend.listStacks();
  const nowSeen = new Set([...seen].filter((id) => !changed.has(id)));
  for (const stack of stacks) if (changed.has(stack.id) && rightsOn(ctx.user, stack).includes('view')) nowSeen.add(stack.id);
  return { ids: [...changed].filter((id) => nowSeen.has(id) || seen.has(id)), seen: nowSeen };
}

/**
 * Pushes `{"type":"stacks-changed","stackIds":[…]}` when Rancher's event feed reports a change in a
 * stack the user may see, so open pages refetch at once instead of waiting for their next poll. The
 * frame says only which stacks changed; the data itself comes from the read API, with its checks.
 */
function relay(ws: WebSocket, ctx: OperationContext): () => void {
  const changed = new Set<string>();
  let seen = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let isSending = false;
  let lastSentAt = 0;
  const scheduleFlush = () => {
    timer ??= setTimeout(() => void flush(), Math.max(gatherMs, lastSentAt + minGapMs - Date.now()));
  };

  const flush = async () => {
    timer = null;
    if (isSending || changed.size === 0) return;
    isSending = true;
    const batch = new Set(changed);
    changed.clear();
    try {
      const { ids, seen: nowSeen } = await visibleChanges(ctx, batch, seen);
      seen = nowSeen;
      if (ids.length > 0 && ws.readyState === ws.OPEN) {
        ws.send(JSON.stringify({ type: 'stacks-changed', stackIds: ids } satisfies StacksChangedFrame));
        lastSentAt = Date.now();
      }
    } catch (err) {
      ctx.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'stack changes could not be checked');
    } finally {
      isSending = false;
      if (changed.size > 0) scheduleFlush();
    }
  };

  const onChange = (change: ResourceChange) => {
    if (!change.stackId) return;
    changed.add(change.stackId);
    scheduleFlush();
  };
  const subscription = ctx.backend.subscribe(onChange);
  // Idle proxies close quiet sockets; a ping every 30 s keeps this one open between changes.
  const keepalive = setInterval(() => ws.ping(), keepaliveMs);
  void ctx.backend.listStacks().then(
    (stacks) => {
      for (const stack of stacks) if (rightsOn(ctx.user, stack).includes('view')) seen.add(stack.id);
    },
    (err: unknown) => ctx.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'stacks could not be read'),
  );
  let isStopped = false;
  return () => {
    if (isStopped) return;
    isStopped = true;
    subscription.close();
    clearInterval(keepalive);
    if (timer) clearTimeout(timer);
  };
}

async function handle(upgrade: UpgradeContext): Promise<void> {
  const ctx = await relayContext(upgrade);
  const ws = await upgrade.accept();
  const stop = relay(ws, ctx);
  ws.on('close', stop);
  ws.on('error', stop);
}

export const changesRoute: UpgradeRoute = { name: 'changes', pattern: /^\/api\/v1\/changes$/, handle };
