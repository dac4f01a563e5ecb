import { z } from 'zod';

/**
 * What /api/v1/changes pushes: which visible stacks changed (never the data itself, which the read API
 * serves with its checks).
 */
export const stacksChangedFrame = z.object({ type: z.literal('stacks-changed'), stackIds: z.array(z.string()) });
export type StacksChangedFrame = z.infer<typeof stacksChangedFrame>;
