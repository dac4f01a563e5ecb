import type { ContainerRecord } from '../world/world-types';
import { executeInput, logsInput, parseInput } from './action-inputs';
import { ApiError } from './api-error';
import { accepted, type ActionResult, type ApiEnv } from './api-env';
import { type RequestContext, toWebSocketUrl } from './request-context';

// Container actions (rancher-api.md §5.4, §6.1). logs and execute answer a hostAccess whose URL is the
// request's own base with ws:// and the host-api path; the token carries what was asked.

function hostAccess(ctx: RequestContext, path: string, token: string): ActionResult {
  return { status: 200, output: { type: 'hostAccess', baseType: 'hostAccess', url: `${toWebSocketUrl(ctx.base)}${path}`, token } };
}

export function runContainerAction(env: ApiEnv, ctx: RequestContext, container: ContainerRecord, action: string, body: unknown): ActionResult {
  const ops = env.engine.containers;
  switch (action) {
    case 'stop':
      void ops.stop(container);
      return accepted;
    case 'start':
      void ops.start(container);
      return accepted;
    case 'restart':
      void ops.restart(container);
      return accepted;
    case 'remove':
      void ops.remove(container);
      return accepted;
    case 'logs': {
      const input = parseInput(logsInput, body);
      const lines = typeof input.lines === 'number' && input.lines > 0 ? Math.floor(input.lines) : 100;
      const token = env.tokens.issue({ purpose: 'logs', containerId: container.id, follow: input.follow ?? true, lines, since: input.since || null });
      return hostAccess(ctx, '/v1/logs/', token);
    }
    case 'execute': {
      const input = parseInput(executeInput, body);
      if (!input.command?.length) throw ApiError.validation('MissingRequired', 'command');
      const token = env.tokens.issue({ purpose: 'exec', containerId: container.id, command: input.command, tty: input.tty ?? true });
      return hostAccess(ctx, '/v1/exec/', token);
    }
    default:
      throw ApiError.validation('InvalidAction', 'action');
  }
}
