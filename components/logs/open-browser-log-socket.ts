import type { LogSocket } from '@/lib/client/logs/log-connection';

/** The browser's WebSocket behind the small interface LogConnection drives (a fake stands in for it in tests). */
export function openBrowserLogSocket(url: string): LogSocket {
  const ws = new WebSocket(url);
  const socket: LogSocket = {
    onopen: null,
    onmessage: null,
    onclose: null,
    close: (code, reason) => ws.close(code, reason),
  };
  ws.onopen = () => socket.onopen?.();
  ws.onmessage = (event: MessageEvent<unknown>) => socket.onmessage?.({ data: event.data });
  ws.onclose = (event: CloseEvent) => socket.onclose?.({ code: event.code, reason: event.reason });
  return socket;
}
