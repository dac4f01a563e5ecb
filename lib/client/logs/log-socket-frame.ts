import { z } from 'zod';

// The text frames of /api/v1/containers/{id}/logs (DESIGN.md "Public contract").

export const logLineFrame = z.object({
  ts: z.string(),
  stream: z.enum(['stdout', 'stderr', 'tty']),
  line: z.string(),
});

export const droppedFrame = z.object({
  type: z.literal('dropped'),
  count: z.number().int().nonnegative(),
});

export const logSocketFrame = z.union([logLineFrame, droppedFrame]);
export type LogSocketFrame = z.infer<typeof logSocketFrame>;

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
