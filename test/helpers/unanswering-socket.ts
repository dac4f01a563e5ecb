// Test support: a websocket client that never answers the server's close frame, as a suspended laptop
// or a frozen tab behaves. Written on a raw TCP socket, since `ws` always answers a close.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface UnansweringSocket {
  /** Sends a masked binary frame (client frames must be masked), as terminal keystrokes are sent. */
  sendBinary(text: string): void;
  /** Whether the server has cut the TCP connection. */
  isCut(): boolean;
  /** Whether the server's close frame has arrived (it is never answered). */
  hasCloseFrame(): boolean;
  /** Resolves with the time the server cut the connection. */
  cut: Promise<number>;
  destroy(): void;
}

function maskedFrame(payload: Buffer): Buffer {
  if (payload.length > 125) throw new Error('short frames only');
  const mask = randomBytes(4);
  return Buffer.concat([Buffer.from([0x82, 0x80 | payload.length]), mask, payload.map((b, i) => b ^ (mask[i % 4] ?? 0))]);
}

/** Opens `path` on the portal with the session cookie; resolves once the upgrade was accepted (101). */
export function openUnansweringSocket(baseUrl: string, path: string, cookie: string): Promise<UnansweringSocket> {
  const { hostname, port, host } = new URL(baseUrl);
  const socket: Socket = connect(Number(port), hostname);
  let isCut = false;
  let received = Buffer.alloc(0);
  const cut = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  void cut.then(() => (isCut = true));
  socket.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    socket.on('data', (d: Buffer) => (received = Buffer.concat([received, d])));
    socket.once('data', (d: Buffer) => {
      const status = d.toString('latin1').split('\r\n')[0] ?? '';
      if (!status.includes(' 101 ')) return reject(new Error(`upgrade refused: ${status}`));
      resolve({
        sendBinary: (text) => !isCut && socket.write(maskedFrame(Buffer.from(text))),
        isCut: () => isCut,
        // The server's close frame: opcode 8, FIN set, carrying a status code.
        hasCloseFrame: () => received.includes(Buffer.from([0x88])),
        cut,
        destroy: () => socket.destroy(),
      });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${baseUrl}\r\nCookie: ${cookie}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}
