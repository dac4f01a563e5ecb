import { z } from 'zod';
import type { LogLine } from '@/lib/domain/rancher/types';
import type { SameType } from '@/lib/domain/schema/same-type';

// The logs websocket, /api/v1/containers/{containerId}/logs (DESIGN.md "Public contract"): the relay
// parses its query and writes its frames with these schemas, the browser reads the frames with them, and
// /api/v1/openapi.json describes both from them.

export const logsQuery = z.object({
  tail: z
    .union([z.literal('all'), z.coerce.number().int().min(0).max(100_000)])
    .default(100)
    .transform((t) => (t === 'all' ? 100_000 : t))
    .describe('How many earlier lines to send first, or `all` (Rancher 1.6 sends about the last 100 whatever is asked)'),
  follow: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((f) => f === '1' || f === 'true')
    .describe('Keep sending new lines until the container stops'),
});

export const logLineFrame = z.object({
  ts: z.string().describe('When Docker received the line (RFC 3339)'),
  stream: z.enum(['stdout', 'stderr', 'tty']).describe('`tty` for containers with a terminal, whose streams Rancher combines'),
  line: z.string(),
});

export const droppedFrame = z
  .object({
    type: z.literal('dropped'),
    count: z.number().int().nonnegative(),
  })
  .describe('Lines the server dropped because the client fell behind');

export const logSocketFrame = z.union([logLineFrame, droppedFrame]);
export type LogSocketFrame = z.infer<typeof logSocketFrame>;

/** The relay sends Rancher's lines as they are: their type and the frame's schema must not drift apart. */
export const logLineFrameMatches: SameType<LogLine, z.infer<typeof logLineFrame>> = true;
