import { randomUUID } from 'node:crypto';
import type { ApiEnv } from '../api/api-env';
import { render } from '../api/render';
import type { RequestContext } from '../api/request-context';
import type { FaultySocket } from './socket-faults';

// The event feed (rancher-api.md §7): a `ping` at once and then every 5 s, and one JSON text frame
// per change with the full resource as a GET would return it. The server closes after 8640 pings.

const maxPings = 8640;
/** A subscriber this far behind is cut off rather than buffered without bound. */
const maxBuffered = 16 * 1024 * 1024;

export function serveSubscribe(env: ApiEnv, socket: FaultySocket, ctx: RequestContext, eventNames: Set<string>, pingMs: number): void {
  const projectId = ctx.projectId ?? '';
  const wantsChanges = eventNames.size === 0 || eventNames.has('resource.change');
  let pings = 0;
  const ping = () => {
    // A project taken down by the unavailable_projects knob drops its open feeds too, at the next ping.
    if (env.faults.value.unavailable_projects.includes(projectId)) {
      socket.ws.terminate();
      return;
    }
    socket.send(JSON.stringify({ name: 'ping' }));
    pings += 1;
    if (pings >= maxPings) socket.close(1000);
  };
  ping();
  const timer = setInterval(ping, pingMs);
  const stop = env.world.onChange((record) => {
    if (!wantsChanges || (record.accountId !== projectId && record.type !== 'setting')) return;
    if (socket.ws.bufferedAmount > maxBuffered) {
      socket.ws.terminate();
      return;
    }
    socket.send(
      JSON.stringify({ id: randomUUID(), name: 'resource.change', resourceType: record.type, resourceId: record.id, time: Date.now(), data: { resource: render(ctx, record) } }),
    );
  });
  socket.ws.once('close', () => {
    clearInterval(timer);
    stop();
  });
}
