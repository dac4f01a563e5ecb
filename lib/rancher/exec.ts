import 'server-only';
import type WebSocket from 'ws';
import type { ExecSession } from '@/lib/domain/rancher/types';

/**
 * Rancher's exec socket (dialled paused, see dialHostAccess) as a byte stream (rancher-api.md §6.3): text frames carry base64 both ways, and
 * a resize is the plain-text frame `:resizeTTY:cols,rows`, never encoded. Bytes that arrive before the
 * first `onData` listener are held for it, so nothing the shell prints first is lost.
 */
export function execSession(socket: WebSocket, size: { cols: number; rows: number }): ExecSession {
  const dataListeners: ((data: Buffer) => void)[] = [];
  const closeListeners: ((code: number) => void)[] = [];
  const early: Buffer[] = [];
  let closedWith: number | null = null;

  const resize = (cols: number, rows: number) => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(`:resizeTTY:${Math.max(1, Math.floor(cols))},${Math.max(1, Math.floor(rows))}`);
  };

  socket.on('message', (data: WebSocket.RawData) => {
    const bytes = Buffer.from(data.toString(), 'base64');
    if (dataListeners.length === 0) early.push(bytes);
    else for (const listener of dataListeners) listener(bytes);
  });
  socket.on('close', (code: number) => {
    closedWith = code;
    for (const listener of closeListeners) listener(code);
  });
  socket.resume();
  resize(size.cols, size.rows);

  return {
    write(data) {
      if (socket.readyState !== socket.OPEN) return;
      socket.send((typeof data === 'string' ? Buffer.from(data) : data).toString('base64'));
    },
    resize,
    onData(listener) {
      dataListeners.push(listener);
      for (const bytes of early.splice(0)) listener(bytes);
    },
    onClose(listener) {
      if (closedWith !== null) listener(closedWith);
      else closeListeners.push(listener);
    },
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => socket.close(1000),
  };
}
