import { z } from 'zod';

/** The last text frame of any portal websocket that is being closed for a reason the person should read (their session ended). */
export const socketErrorFrame = z.object({ type: z.literal('error'), message: z.string() });
export type SocketErrorFrame = z.infer<typeof socketErrorFrame>;
