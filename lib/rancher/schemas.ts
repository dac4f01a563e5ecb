import 'server-only';
import { z } from 'zod';

// The Rancher v2-beta wire shapes the portal reads (rancher-api.md §2.3–§3, §5.6, §6.1, §7). Objects
// are not strict: Rancher sends many more fields, and the ones the portal does not read are dropped,
// except in a launchConfig, which must go back whole on upgrade.

const transitioning = z.enum(['yes', 'no', 'error']).default('no');
const optionalText = z.string().nullish().transform((v) => v ?? null);
const urlMap = z.record(z.string(), z.string().nullable()).default({});

const stringMap = z.record(z.string(), z.string());
const stringList = z.array(z.string());

export const launchConfigSchema = z.looseObject({
  imageUuid: z.string().optional(),
  environment: stringMap.nullish(),
  labels: stringMap.nullish(),
  command: stringList.nullish(),
  entryPoint: stringList.nullish(),
  user: z.string().nullish(),
  workingDir: z.string().nullish(),
  hostname: z.string().nullish(),
  capAdd: stringList.nullish(),
  capDrop: stringList.nullish(),
  privileged: z.boolean().nullish(),
  dataVolumes: stringList.nullish(),
  ports: stringList.nullish(),
  networkMode: z.string().nullish(),
  tty: z.boolean().nullish(),
});

/** A stack row as the full list needs it. */
export const stackItemSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  state: z.string(),
  healthState: z.string(),
  group: optionalText,
});

export const stackSchema = stackItemSchema.extend({
  description: optionalText,
  transitioning,
  transitioningMessage: optionalText,
  links: urlMap,
  actions: urlMap,
});

/** A service row as the full list needs it: only the image of its launchConfig is read. */
export const serviceItemSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  stackId: z.string().min(1),
  state: z.string(),
  healthState: z.string(),
  scale: z.number().int().nullish(),
  launchConfig: z.object({ imageUuid: z.string().optional() }).nullish(),
});

export const serviceSchema = serviceItemSchema.extend({
  type: z.string(),
  launchConfig: launchConfigSchema.nullish(),
  upgrade: z
    .object({ inServiceStrategy: z.object({ previousLaunchConfig: launchConfigSchema.nullish() }).nullish() })
    .nullish(),
  transitioning,
  transitioningMessage: optionalText,
  created: z.string(),
  links: urlMap,
  actions: urlMap,
});

export const containerSchema = z.object({
  id: z.string().min(1),
  name: optionalText,
  state: z.string(),
  healthState: optionalText,
  hostId: optionalText,
  stackId: optionalText,
  serviceIds: stringList.nullish(),
  startCount: z.number().int().nullish(),
  imageUuid: optionalText,
  created: z.string(),
  transitioning,
  transitioningMessage: optionalText,
  // cattle keeps docker's inspect result here; the exit code of the last run lives in it.
  data: z
    .object({
      dockerInspect: z.object({ State: z.object({ Running: z.boolean().optional(), ExitCode: z.number().int().optional() }).nullish() }).nullish(),
    })
    .nullish(),
  links: urlMap,
  actions: urlMap,
});

export const hostSchema = z.object({ id: z.string().min(1), hostname: optionalText, name: optionalText });
export const projectSchema = z.object({ id: z.string().min(1), name: z.string().nullish() });

/** One page of a collection; `pagination.next` is the absolute URL of the next page, null on the last. */
export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.object({
    type: z.literal('collection'),
    data: z.array(item),
    pagination: z.object({ next: z.string().nullish() }).nullish(),
  });
}

export const errorBodySchema = z.object({
  type: z.literal('error'),
  status: z.number().int().optional(),
  code: z.string().nullish(),
  message: z.string().nullish(),
  detail: z.unknown().optional(),
  fieldName: z.string().nullish(),
});

export const hostAccessSchema = z.object({ url: z.string().regex(/^wss?:\/\//i), token: z.string().min(1) });

/** One frame of the subscribe socket: an event, a ping or a logout. */
export const eventFrameSchema = z.object({
  name: z.string(),
  // When Rancher emitted the event (ms since the epoch): the portal's lag behind the feed is measured from it.
  time: z.number().nullish(),
  resourceType: z.string().nullish(),
  resourceId: z.string().nullish(),
  data: z
    .object({
      // The whole resource as a GET answers it: the stack list's mirror keeps the row it carries.
      resource: z
        .looseObject({
          id: z.string(),
          state: z.string().optional(),
          stackId: z.string().nullish(),
          transitioning: z.enum(['yes', 'no', 'error']).optional(),
          removed: z.string().nullish(),
          system: z.boolean().optional(),
        })
        .nullish(),
    })
    .nullish(),
});

export type LaunchConfigWire = z.output<typeof launchConfigSchema>;
export type StackItemWire = z.output<typeof stackItemSchema>;
export type StackWire = z.output<typeof stackSchema>;
export type ServiceItemWire = z.output<typeof serviceItemSchema>;
export type ServiceWire = z.output<typeof serviceSchema>;
export type ContainerWire = z.output<typeof containerSchema>;
export type HostWire = z.output<typeof hostSchema>;
export type ErrorBody = z.output<typeof errorBodySchema>;
export type EventFrame = z.output<typeof eventFrameSchema>;
