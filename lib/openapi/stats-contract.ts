import 'server-only';
import { z } from 'zod';

/**
 * The frames of the resource-statistics websockets, from DESIGN.md "Resource statistics", written here
 * while the stats work builds the relays (issue 22): once it has its own schema, the socket paths
 * point at that one and this module goes.
 */
export const statsFrame = z.object({
  ts: z.string().describe('When the sample was taken (ISO 8601)'),
  containerId: z.string(),
  cpuPct: z.number().describe('CPU use, percent of one core'),
  memBytes: z.number(),
  memLimitBytes: z.number().nullable(),
  netRxKiBps: z.number(),
  netTxKiBps: z.number(),
  diskReadKiBps: z.number(),
  diskWriteKiBps: z.number(),
});
