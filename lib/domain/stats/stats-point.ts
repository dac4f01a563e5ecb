import { z } from 'zod';

// What the stats sockets send the browser (DESIGN.md "Resource statistics"): one point per container
// about once a second, rates already computed by the portal.

export const statsPointSchema = z.object({
  ts: z.string(),
  containerId: z.string(),
  cpuPct: z.number(),
  memBytes: z.number(),
  memLimitBytes: z.number().nullable(),
  netRxKiBps: z.number(),
  netTxKiBps: z.number(),
  diskReadKiBps: z.number(),
  diskWriteKiBps: z.number(),
});

export type StatsPoint = z.infer<typeof statsPointSchema>;

/**
 * One reading of a container's cumulative counters, as Rancher's stats socket gives it (rancher-api.md
 * §6.5) with its interfaces and disks summed: CPU nanoseconds, bytes in, out, read and written only
 * grow while the container runs; memory is a level.
 */
export interface CounterSample {
  containerId: string;
  /** RFC 3339, up to nanoseconds. */
  ts: string;
  cpuTotalNs: number;
  /** How many CPUs the container may use: the per-CPU list's length. */
  cpuCount: number;
  memBytes: number;
  memLimitBytes: number;
  rxBytes: number;
  txBytes: number;
  readBytes: number;
  writeBytes: number;
}
