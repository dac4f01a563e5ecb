import { env } from '@/lib/config/env';
import type { UpgradeContext } from '../upgrade-router';

/** Open log and shell sockets per uid, in this process. */
const openByUser = new Map<string, number>();

function giveBack(uid: string): void {
  const left = (openByUser.get(uid) ?? 1) - 1;
  if (left > 0) openByUser.set(uid, left);
  else openByUser.delete(uid);
}

/**
 * Takes one of the user's WS_MAX_PER_USER log-and-shell slots for this upgrade; it is given back when
 * the connection closes, whether or not it became a websocket. Each such socket holds a stream from
 * Rancher, so one person cannot open hundreds. When none is free the upgrade is refused with 429.
 */
export function takeSocketSlot(upgrade: UpgradeContext, uid: string): boolean {
  const max = env().WS_MAX_PER_USER;
  const socket = upgrade.req.socket;
  if (socket.destroyed) return false;
  if ((openByUser.get(uid) ?? 0) >= max) {
    upgrade.log.info({ uid, max }, 'websocket refused: too many open for this user');
    upgrade.reject(429, `You already have ${max} log and shell windows open; close one to open another.`);
    return false;
  }
  openByUser.set(uid, (openByUser.get(uid) ?? 0) + 1);
  socket.once('close', () => giveBack(uid));
  return true;
}
