import type { ApiEnv } from '../api/api-env';
import { profileForImage } from '../world/service-profile';
import type { ContainerRecord } from '../world/world-types';
import type { StatsClaims } from '../ws/host-access-tokens';
import type { FaultySocket } from '../ws/socket-faults';
import type { StatsSampler } from './stats-curves';

// /v1/stats/ (rancher-api.md §6.5): once the long token arrives as the first frame, a JSON array of
// rows every second (the stats_interval_ms knob), one row per running container of the container or
// service. A stopped container sends nothing; the socket stays open. A wrong first frame closes it.

/** Close code for a first frame that is not the token the link handed out (inferred). */
export const statsTokenRefused = 4401;

function containersOf(env: ApiEnv, claims: StatsClaims): ContainerRecord[] {
  if (claims.resourceType === 'container') {
    const c = env.world.containers.get(claims.resourceId);
    return c ? [c] : [];
  }
  return env.world.containersOf(claims.resourceId).filter((c) => c.removed === null);
}

/** `traffic.bytes` counts the payload bytes sent, for the stats bench's ratio. */
export function serveStats(env: ApiEnv, sampler: StatsSampler, socket: FaultySocket, expectedToken: string, traffic: { bytes: number }): void {
  let timer: NodeJS.Timeout | null = null;
  const send = (claims: StatsClaims) => {
    const now = Date.now();
    const rows = containersOf(env, claims).flatMap((c) => {
      const runtime = env.world.containerRuntime.get(c.id);
      const service = env.world.serviceOfContainer(c.id);
      const profile = (service && env.world.serviceProfiles.get(service.id)) ?? profileForImage(c.imageUuid);
      const row = runtime ? sampler.row(c, runtime, profile, now) : null;
      return row ? [row] : [];
    });
    if (rows.length === 0 || !socket.open) return;
    const frame = JSON.stringify(rows);
    traffic.bytes += Buffer.byteLength(frame);
    socket.send(frame);
  };
  socket.ws.once('message', (data) => {
    const claims = data.toString() === expectedToken ? env.tokens.verify(expectedToken, 'stats') : null;
    if (!claims) {
      socket.close(statsTokenRefused, 'Failed authentication');
      return;
    }
    send(claims);
    timer = setInterval(() => send(claims), env.faults.value.stats_interval_ms);
  });
  socket.ws.once('close', () => {
    if (timer) clearInterval(timer);
  });
}
