import type { ShellSocket } from '@/lib/client/shell/shell-connection';

/** The browser's WebSocket behind the small interface ShellConnection drives. */
export function openBrowserShellSocket(url: string): ShellSocket {
  const ws = new WebSocket(url);
  // Output arrives as ArrayBuffers, which xterm takes as UTF-8 bytes without a Blob round trip.
  ws.binaryType = 'arraybuffer';
  const socket: ShellSocket = {
    onopen: null,
    onmessage: null,
    onclose: null,
    send: (data) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(data);
    },
    close: (code, reason) => ws.close(code, reason),
  };
  ws.onopen = () => socket.onopen?.();
  ws.onmessage = (event: MessageEvent<unknown>) => socket.onmessage?.({ data: event.data });
  ws.onclose = (event: CloseEvent) => socket.onclose?.({ code: event.code, reason: event.reason });
  return socket;
}
