import type { ApiEnv } from '../api/api-env';
import { FakeShell } from '../shell/fake-shell';
import { shellStateFor } from '../shell/shell-for-container';
import type { ContainerRecord } from '../world/world-types';
import type { ExecClaims } from './host-access-tokens';
import type { FaultySocket } from './socket-faults';

// /v1/exec/ (rancher-api.md §6.3): base64 text frames both ways (raw binary frames when the client
// asked for the `binary` subprotocol), at most 4096 bytes a frame; `:resizeTTY:cols,rows` is a plain
// control frame and never reaches stdin. The session ends with close 1000 when the shell exits, and
// the socket closes when the container stops.

const maxFrameBytes = 4096;
const resizeFrame = /^:resizeTTY:(\d+),(\d+)$/;

export function serveExec(env: ApiEnv, socket: FaultySocket, claims: ExecClaims, container: ContainerRecord, binary: boolean): void {
  const { state, hasBash } = shellStateFor(env.world, container);
  const shell = new FakeShell(state, hasBash, claims.tty, {
    write: (text) => {
      const bytes = Buffer.from(text, 'utf8');
      for (let i = 0; i < bytes.length; i += maxFrameBytes) {
        const chunk = bytes.subarray(i, i + maxFrameBytes);
        socket.send(binary ? chunk : chunk.toString('base64'));
      }
    },
    exit: () => socket.close(1000),
  });
  socket.ws.on('message', (data, isBinary) => {
    const raw = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (!isBinary) {
      const text = raw.toString('utf8');
      const resize = resizeFrame.exec(text);
      if (resize) {
        shell.resize(Number(resize[1]));
        return;
      }
      shell.input(Buffer.from(text, 'base64'));
      return;
    }
    shell.input(raw);
  });
  const stopWatching = env.world.onChange((record) => {
    if (record.id === container.id && container.state !== 'running') socket.close(1000);
  });
  socket.ws.once('close', () => {
    stopWatching();
    shell.hangup();
  });
  shell.start(claims.command);
}
