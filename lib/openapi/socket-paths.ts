import 'server-only';
import { z } from 'zod';
import { containerId, serviceId, stackId } from '@/lib/domain/rancher/resource-ids';
import { stacksChangedFrame } from '@/lib/domain/sockets/change-frames';
import { logSocketFrame, logsQuery } from '@/lib/domain/sockets/log-frames';
import { shellClientMessage, shellQuery, shellServerMessage } from '@/lib/domain/sockets/shell-frames';
import { socketErrorFrame } from '@/lib/domain/sockets/socket-error-frame';
import type { OperationSpec } from './operation';
import { statsPointSchema } from '@/lib/domain/stats/stats-point';

const upgraded = { status: 101, description: 'Switching Protocols: the websocket is open' };
// Refusals come before the handshake, as problem+json: a bad id or query, no session, a foreign Origin
// (cookie sessions), a stack not shared, too many open sockets, Rancher down.
const refusals = [400, 401, 403, 404, 429, 500, 503];
const sessionEnded = { 4401: 'Your session (or token) has ended; sign in again' };
const containerParam = z.object({ containerId });
/** Any socket's frames end with an error frame when the session ends (the shell's own frames include it). */
const orSessionEnded = (frame: z.ZodType) => z.union([frame, socketErrorFrame]);

export const socketPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/containers/{containerId}/logs': {
    get: {
      id: 'followLogs',
      tag: 'websockets',
      summary: 'Websocket: a container’s log lines, live (right `logs`)',
      params: containerParam,
      query: logsQuery,
      success: upgraded,
      problems: refusals,
      websocket: {
        serverText: orSessionEnded(logSocketFrame),
        closeCodes: { 1000: 'End of the log (follow=0), or the container stopped', 1011: 'Rancher stopped sending logs; reconnect to resume', ...sessionEnded },
      },
    },
  },
  '/api/v1/containers/{containerId}/shell': {
    get: {
      id: 'openShell',
      tag: 'websockets',
      summary: 'Websocket: a shell in a container (right `shell`)',
      params: containerParam,
      query: shellQuery,
      success: upgraded,
      problems: refusals,
      websocket: {
        serverText: shellServerMessage,
        serverBinary: 'Terminal output bytes',
        clientText: shellClientMessage,
        clientBinary: 'Keystrokes: terminal input bytes',
        closeCodes: {
          1000: 'The shell exited',
          1011: 'The shell could not be opened, or the connection to the container was lost',
          4000: 'The maximum session length was reached (SHELL_MAX_SESSION_MS)',
          4001: 'Idle too long (SHELL_IDLE_TIMEOUT_MS)',
          ...sessionEnded,
        },
      },
    },
  },
  '/api/v1/changes': {
    get: {
      id: 'followChanges',
      tag: 'websockets',
      summary: 'Websocket: which of your stacks changed in Rancher, so pages refetch at once',
      description: 'At most one frame a second; the frame names stacks only, the data comes from the read API.',
      success: upgraded,
      problems: [400, 401, 403, 500],
      websocket: { serverText: orSessionEnded(stacksChangedFrame), closeCodes: sessionEnded },
    },
  },
  '/api/v1/containers/{containerId}/stats': {
    get: {
      id: 'followContainerStats',
      tag: 'websockets',
      summary: 'Websocket: a container’s resource use, about once a second (right `view`)',
      params: containerParam,
      success: upgraded,
      problems: refusals,
      websocket: { serverText: orSessionEnded(statsPointSchema), closeCodes: sessionEnded },
    },
  },
  '/api/v1/stacks/{stackId}/services/{serviceId}/stats': {
    get: {
      id: 'followServiceStats',
      tag: 'websockets',
      summary: 'Websocket: the resource use of each container of a service, one frame per container about once a second (right `view`)',
      params: z.object({ stackId, serviceId }),
      success: upgraded,
      problems: refusals,
      websocket: { serverText: orSessionEnded(statsPointSchema), closeCodes: sessionEnded },
    },
  },
};
