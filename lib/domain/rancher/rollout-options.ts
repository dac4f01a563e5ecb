import { z } from 'zod';

/**
 * How Rancher replaces a service's containers, a batch at a time: a rolling restart and an upgrade take
 * the same options (unset, Rancher's defaults apply).
 */
export const rolloutOptions = z.object({
  batchSize: z.number().int().min(1).max(100).optional(),
  intervalMillis: z.number().int().min(0).max(600_000).optional(),
});
export type RolloutOptions = z.infer<typeof rolloutOptions>;
