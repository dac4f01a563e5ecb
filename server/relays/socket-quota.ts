import { TooManySocketsError } from '@/lib/domain/errors/app-error';
import type { UpgradeContext } from '../upgrade-router';

/** Open log and shell sockets per uid, in this process. */
const openByUser = new Map<string, number>();

function giveBack(uid: string): void {
  const left = (openByUser.get(uid) ?? 1) - 1;
  if (left > 0) openByUser.set(uid, left);
  else openByUser.delete(uid);
}

/**
 * Takes one of the user's `max` log-and-shell slots for this upgrade; it is given back when the
 * connection closes, whether or not it became a websocket. Each such socket holds a stream from
 * Rancher, so one person cannot open hundreds: with none free, TooManySocketsError (429). False when
 * the browser has already gone, so there is nothing to open.
 */
export function takeSocketSlot(upgrade: UpgradeContext, uid: string, max: number): boolean {
  const socket = upgrade.req.socket;
  if (socket.destroyed) return false;
  if ((openByUser.get(uid) ?? 0) >= max) {
    throw new TooManySocketsError(`You already have ${max} log and shell windows open; close one to open another.`, { max });
  }
  openByUser.set(uid, (openByUser.get(uid) ?? 0) + 1);
  socket.once('close', () => giveBack(uid));
  return true;
}
