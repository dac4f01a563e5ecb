import type { ApiEnv } from '../api/api-env';
import { toWebSocketUrl, type RequestContext } from '../api/request-context';
import type { AnyRecord } from '../world/world-types';

// `GET {links.containerStats}` (rancher-api.md §6.5): where to dial and the two tokens. The short
// `authToken` rides in the query; the long `token` is the socket's first frame.

export const statsLinkName = 'containerStats';

export function statsAccess(env: ApiEnv, ctx: RequestContext, record: AnyRecord): Record<string, unknown> {
  const resourceType = record.type === 'container' ? 'container' : 'service';
  const token = env.tokens.issue({ purpose: 'stats', resourceType, resourceId: record.id });
  const authToken = env.tokens.issue({ purpose: 'stats-auth', token });
  return { type: 'statsAccess', url: `${toWebSocketUrl(ctx.base)}/v1/stats/${record.id}`, token, authToken };
}
