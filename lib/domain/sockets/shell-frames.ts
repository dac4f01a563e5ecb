import { z } from 'zod';

// The shell websocket, /api/v1/containers/{containerId}/shell (DESIGN.md "Public contract"): terminal
// bytes travel as binary frames both ways; text frames are these JSON control messages.

const terminalSize = z.coerce.number().int().min(1).max(1000);

export const shellQuery = z.object({
  cols: terminalSize.default(80).describe('Terminal width in characters'),
  rows: terminalSize.default(24).describe('Terminal height in lines'),
});

/** What the browser may send as a text frame. */
export const shellClientMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('resize'), cols: terminalSize, rows: terminalSize })]);

/** What the relay sends as text frames. */
export const shellServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), shell: z.enum(['bash', 'sh']), idleTimeoutMs: z.number().nonnegative(), maxSessionMs: z.number().nonnegative() }),
  z.object({ type: z.literal('warning'), message: z.string() }),
  z.object({ type: z.literal('exit'), code: z.number().int() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type ShellServerMessage = z.infer<typeof shellServerMessage>;
