import { z } from 'zod';
import { rolloutOptions } from '@/lib/domain/rancher/rollout-options';
import { secretMountInput } from '@/lib/domain/secrets/stack-secrets';

/**
 * Caps on what one upgrade may carry: enough for any real service, small enough that a change cannot
 * fill the audit log or Rancher (large files belong in a volume or a secret, not an environment value).
 */
export const upgradeLimits = { entries: 200, nameChars: 256, valueChars: 4096, changeChars: 960 * 1024 };

const stringMap = z
  .record(
    z.string().min(1, 'names cannot be empty').max(upgradeLimits.nameChars, `names are at most ${upgradeLimits.nameChars} characters`),
    z.string().max(upgradeLimits.valueChars, `values are at most ${upgradeLimits.valueChars} characters (4 KiB)`).nullable(),
  )
  .superRefine((map, ctx) => {
    const count = Object.keys(map).length;
    if (count > upgradeLimits.entries) ctx.addIssue({ code: 'custom', message: `at most ${upgradeLimits.entries} entries in one change; this has ${count}` });
  });
const stringList = z.array(z.string().max(4096)).max(256);

/**
 * The launchConfig fields an upgrade may change, as a JSON merge patch: a field replaces the current
 * one, `environment` and `labels` merge key by key, and `null` removes a field or a key. Everything
 * else is kept from the running service (Rancher replaces the launchConfig whole, so the server sends
 * the merged result). The form and the route share this schema.
 */
export const launchConfigChange = z
  .object({
    imageUuid: z
      .string()
      .regex(/^docker:\S+$/, 'expected docker:<image reference>, e.g. docker:nginx:1.27')
      .max(512)
      .optional(),
    environment: stringMap.nullable().optional(),
    labels: stringMap.nullable().optional(),
    command: stringList.nullable().optional(),
    entryPoint: stringList.nullable().optional(),
    workingDir: z.string().max(4096).nullable().optional(),
    user: z.string().max(256).nullable().optional(),
    capAdd: stringList.nullable().optional(),
    capDrop: stringList.nullable().optional(),
    privileged: z.boolean().nullable().optional(),
    dataVolumes: stringList.nullable().optional(),
    // Sidekick patterns (a shared network, volumes of a data container); the policy keeps them inside the stack.
    dataVolumesFrom: stringList.nullable().optional(),
    networkMode: z.string().max(256).nullable().optional(),
    pidMode: z.string().max(256).nullable().optional(),
    ipcMode: z.string().max(256).nullable().optional(),
    ports: stringList.nullable().optional(),
    tty: z.boolean().nullable().optional(),
    stdinOpen: z.boolean().nullable().optional(),
    // Replaces the whole list; the policy keeps every mount to this stack's own secrets.
    secrets: z.array(secretMountInput).max(64).nullable().optional(),
  })
  .strict();
export type LaunchConfigChange = z.infer<typeof launchConfigChange>;

export const upgradeInput = z
  .object({
    launchConfig: launchConfigChange
      .refine((change) => Object.keys(change).length > 0, 'say what to change')
      .superRefine((change, ctx) => {
        const size = JSON.stringify(change).length;
        if (size > upgradeLimits.changeChars) {
          ctx.addIssue({ code: 'custom', message: `the whole change is at most ${upgradeLimits.changeChars / 1024} KiB; this one is ${Math.ceil(size / 1024)} KiB` });
        }
      }),
    /** Start the new container before stopping the old one (Rancher's "start before stopping"). */
    startFirst: z.boolean().optional(),
    ...rolloutOptions.shape,
    /** Spin staff accept the node-level access the policy reports (recorded); an owner's acknowledgement changes nothing. */
    acknowledgeNodeAccess: z.boolean().optional(),
  })
  .strict();
export type UpgradeInput = z.infer<typeof upgradeInput>;
