import { z } from 'zod';
import { ApiError } from './api-error';

// Action and update bodies. Go clients embed `"links":null,"actions":null` and send nulls for unset
// fields, so every schema tolerates unknown keys and nulls (rancher-api.md §5.1).

const jsonObject = z.record(z.string(), z.json());
const count = z.number().int().min(1).max(10_000).nullish();
const millis = z.number().int().min(0).max(3_600_000).nullish();

export const restartInput = z.looseObject({
  rollingRestartStrategy: z.looseObject({ batchSize: count, intervalMillis: millis }).nullish(),
});

export const upgradeInput = z.looseObject({
  inServiceStrategy: z
    .looseObject({
      batchSize: count,
      intervalMillis: millis,
      startFirst: z.boolean().nullish(),
      launchConfig: jsonObject.nullish(),
      secondaryLaunchConfigs: z.array(jsonObject).nullish(),
    })
    .nullish(),
});

export const logsInput = z.looseObject({
  follow: z.boolean().nullish(),
  lines: z.number().nullish(),
  timestamps: z.boolean().nullish(),
  since: z.string().nullish(),
});

export const executeInput = z.looseObject({
  attachStdin: z.boolean().nullish(),
  attachStdout: z.boolean().nullish(),
  tty: z.boolean().nullish(),
  command: z.array(z.string()).nullish(),
});

export const serviceLinksInput = z.looseObject({
  serviceLinks: z.array(z.looseObject({ serviceId: z.string(), name: z.string().nullish() })).nullish(),
});

export const stackUpgradeInput = z.looseObject({
  dockerCompose: z.string().nullish(),
  rancherCompose: z.string().nullish(),
  environment: jsonObject.nullish(),
  externalId: z.string().nullish(),
});

export const stackUpdate = z.looseObject({ name: z.string().nullish(), description: z.string().nullish(), group: z.string().nullish(), outputs: jsonObject.nullish() });

export const serviceUpdate = z.looseObject({
  name: z.string().nullish(),
  description: z.string().nullish(),
  scale: z.number().int().min(0).max(1000).nullish(),
  metadata: jsonObject.nullish(),
  selectorContainer: z.string().nullish(),
  selectorLink: z.string().nullish(),
  retainIp: z.boolean().nullish(),
  fqdn: z.string().nullish(),
});

export const plainUpdate = z.looseObject({ name: z.string().nullish(), description: z.string().nullish(), labels: z.record(z.string(), z.string()).nullish() });

export const stackCreate = z.looseObject({
  name: z.string().nullish(),
  description: z.string().nullish(),
  group: z.string().nullish(),
  dockerCompose: z.string().nullish(),
  rancherCompose: z.string().nullish(),
  environment: jsonObject.nullish(),
  externalId: z.string().nullish(),
  startOnCreate: z.boolean().nullish(),
});

export const serviceCreate = z.looseObject({
  type: z.string().nullish(),
  name: z.string().nullish(),
  stackId: z.string().nullish(),
  description: z.string().nullish(),
  scale: z.number().int().min(0).max(1000).nullish(),
  launchConfig: jsonObject.nullish(),
  secondaryLaunchConfigs: z.array(jsonObject).nullish(),
  metadata: jsonObject.nullish(),
  startOnCreate: z.boolean().nullish(),
});

export const secretCreate = z.looseObject({ name: z.string().nullish(), description: z.string().nullish(), value: z.string().nullish() });

/** Parses a body, answering Rancher's 422 InvalidType naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw ApiError.validation('InvalidType', issue ? issue.path.join('.') || 'body' : 'body', issue?.message ?? null);
}
