import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { execSession } from './exec';
import { dialHostAccess } from './host-access-socket';

// Plays Rancher's exec socket: base64 text frames both ways, `:resizeTTY:` frames in plain text.
let wss: WebSocketServer;
let url: string;
let received: string[] = [];
let onConnection: (socket: WebSocket) => void = () => {};

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket) => {
    socket.on('message', (data) => received.push(data.toString()));
    onConnection(socket);
  });
  await new Promise((resolve) => wss.once('listening', resolve));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v1/exec/`;
});

afterAll(async () => {
  for (const client of wss.clients) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('execSession', () => {
  it('sends the size first, bytes as base64, resizes in plain text, and hands back decoded output', async () => {
    received = [];
    onConnection = (socket) => socket.send(b64('$ '));
    const session = execSession(await dialHostAccess({ url, token: 't' }, 1000), { cols: 120, rows: 40 });
    const output: Buffer[] = [];
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The prompt arrived before anyone listened; it is held, not lost.
    session.onData((data) => output.push(data));
    session.write('ls -l\r');
    session.write(Buffer.from([0x03]));
    session.resize(100.7, 30);
    await until(() => received.length >= 4);
    expect(received).toEqual([':resizeTTY:120,40', b64('ls -l\r'), b64('\x03'), ':resizeTTY:100,30']);
    expect(Buffer.concat(output).toString()).toBe('$ ');
    session.close();
  });

  it('reports the close code once the command exits', async () => {
    onConnection = (socket) => setTimeout(() => socket.close(1000), 20);
    const session = execSession(await dialHostAccess({ url, token: 't' }, 1000), { cols: 80, rows: 24 });
    const code = await new Promise<number>((resolve) => session.onClose(resolve));
    expect(code).toBe(1000);
    // A listener added after the close still hears it.
    await expect(new Promise<number>((resolve) => session.onClose(resolve))).resolves.toBe(1000);
  });

  it('reports a dropped connection as 1006', async () => {
    onConnection = (socket) => setTimeout(() => socket.terminate(), 20);
    const session = execSession(await dialHostAccess({ url, token: 't' }, 1000), { cols: 80, rows: 24 });
    await expect(new Promise<number>((resolve) => session.onClose(resolve))).resolves.toBe(1006);
  });
});
