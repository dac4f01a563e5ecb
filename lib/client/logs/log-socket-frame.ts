import { logSocketFrame, type LogSocketFrame } from '@/lib/domain/sockets/log-frames';

export type { LogSocketFrame };

/** The frame a websocket message carries, or null for anything that is not one of ours. */
export function parseLogSocketFrame(data: unknown): LogSocketFrame | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null; // Not JSON: the server sends nothing else, so this is noise to skip, not a line.
  }
  const parsed = logSocketFrame.safeParse(json);
  return parsed.success ? parsed.data : null;
}
