import 'server-only';
import WebSocket from 'ws';
import { RancherUnavailableError } from './errors';

export interface HostAccess {
  url: string;
  token: string;
}

/** Whether a failed dial is worth a second try with a fresh token (expired token, proxy hiccup). */
export function isRefusedDial(err: unknown): boolean {
  return err instanceof RancherUnavailableError && [401, 502, 503, 504].includes(err.rancher.status);
}

/**
 * Dials a logs or exec socket that a Rancher `logs`/`execute` action handed out. The token rides in the
 * query, as Rancher's UI sends it; a refused token is a plain HTTP answer before the upgrade (§6.1).
 * Resolves with the socket paused: frames sent with the handshake would otherwise be emitted before the
 * caller had a listener on it. Call `resume()` once listening.
 */
export function dialHostAccess(access: HostAccess, connectTimeoutMs: number): Promise<WebSocket> {
  const url = new URL(access.url);
  url.searchParams.set('token', access.token);
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: connectTimeoutMs });
    let refusal: RancherUnavailableError | null = null;
    socket.once('open', () => {
      socket.pause();
      resolve(socket);
    });
    socket.once('unexpected-response', (_req, res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      refusal = new RancherUnavailableError({ status, code: status === 401 ? 'TokenRejected' : 'HandshakeRefused', message: `socket refused with HTTP ${status}` });
      socket.terminate();
    });
    // Stays on after the open (rejecting a settled promise does nothing), so a later socket error is never unhandled.
    socket.on('error', (err: NodeJS.ErrnoException) => {
      reject(refusal ?? new RancherUnavailableError({ status: 0, code: err.code ?? 'ECONNRESET', message: err.message }));
    });
  });
}
