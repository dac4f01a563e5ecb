import { z } from 'zod';
import { rights } from '@/lib/domain/access/rights';
import { serviceVerbs } from '@/lib/domain/rancher/service-verbs';
import { environmentView } from '@/lib/domain/rancher/environment-view';
import { serviceId, stackId } from '@/lib/domain/rancher/resource-ids';

// The read API's response shapes (DESIGN.md "Public contract"). The same schemas type the pages' queries
// and generate /api/v1/openapi.json.

export const stackTagsView = z.object({
  owner: z.string().optional(),
  staffOwner: z.string().optional(),
  group: z.string().optional(),
  staffGroup: z.string().optional(),
  fqdn: z.string().optional(),
  requires: z.string().optional(),
});

export const relationView = z.enum(['owner', 'group', 'staff']).describe('Why the caller sees the stack');

export const serviceListItem = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  healthState: z.string(),
  image: z.string().describe('Image reference, e.g. nginx:1.25'),
  scale: z.number().int(),
  environment: environmentView,
  crashLoop: z
    .object({
      restartsInWindow: z.number().int().describe('Restarts the portal saw in the last 10 minutes'),
      lastExitCode: z.number().int().nullable().describe('The last non-zero exit code seen'),
    })
    .nullable()
    .default(null)
    .describe('Set while the service keeps crashing: judged over a window, so it does not flicker with Rancher health'),
});

export const stackListItem = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  healthState: z.string(),
  tags: stackTagsView,
  environment: environmentView,
  services: z.array(serviceListItem),
  relation: relationView,
  isUntagged: z.boolean().describe('No owner tag: only staff see it'),
  hasUpgradeAwaitingFinish: z.boolean().describe('A service is upgraded and waits for Finish or Roll back'),
});

/** An environment of the list, and whether it answered: one that did not leaves the others listed. */
export const environmentStatus = environmentView.extend({
  available: z.boolean(),
  problem: z.string().optional().describe('Why the environment is unavailable'),
});

export const stackList = z.object({ stacks: z.array(stackListItem), environments: z.array(environmentStatus) });
export const environmentList = z.object({ environments: z.array(environmentStatus) });

export const containerView = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  healthState: z.string().nullable(),
  hostname: z.string().nullable(),
  startCount: z.number().int(),
  exitCode: z.number().int().nullable(),
  lastExitCode: z.number().int().nullable().default(null).describe('The last non-zero exit code seen, kept after Rancher starts the container again'),
  image: z.string().nullable().default(null).describe('The image this container runs'),
  createdAt: z.string(),
  environment: environmentView,
});

export const serviceView = serviceListItem.extend({
  transitioning: z.enum(['yes', 'no', 'error']),
  transitioningMessage: z.string().nullable(),
  upgradeInProgress: z.boolean(),
  allowedVerbs: z.array(z.enum(serviceVerbs)).describe('What Rancher allows on the service in its current state'),
  createdAt: z.string(),
  containers: z.array(containerView),
});

export const stackView = stackListItem.omit({ services: true }).extend({
  description: z.string().nullable(),
  services: z.array(serviceView),
  rights: z.array(z.enum(rights)),
});

/** One service with its launchConfig: what the upgrade form edits and the Config tab shows. */
export const serviceDetailView = serviceView.extend({
  launchConfig: z.record(z.string(), z.unknown()).nullable(),
  previousLaunchConfig: z.record(z.string(), z.unknown()).nullable(),
  revertibleLaunchConfig: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('After a finished upgrade, the configuration it replaced (Rancher keeps it): what a revert goes back to'),
});

export const serviceIdParam = z.object({ stackId, serviceId });

export type StackListItem = z.infer<typeof stackListItem>;
export type EnvironmentView = z.infer<typeof environmentView>;
export type EnvironmentStatus = z.infer<typeof environmentStatus>;
export type ServiceDetailView = z.infer<typeof serviceDetailView>;
export type StackList = z.infer<typeof stackList>;
export type ServiceView = z.infer<typeof serviceView>;
export type ContainerView = z.infer<typeof containerView>;
export type StackView = z.infer<typeof stackView>;

export const stackIdParam = z.object({ stackId });
