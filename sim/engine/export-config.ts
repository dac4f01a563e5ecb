import { stringify } from 'yaml';
import type { Json, JsonObject, ServiceRecord } from '../world/world-types';

// exportconfig (rancher-api.md §5.3): the stack as the docker-compose.yml and rancher-compose.yml
// pair Rancher 1.6 writes, from each service's launchConfig.

const composeKeys: Record<string, string> = {
  environment: 'environment',
  labels: 'labels',
  ports: 'ports',
  expose: 'expose',
  dataVolumes: 'volumes',
  capAdd: 'cap_add',
  capDrop: 'cap_drop',
  user: 'user',
  workingDir: 'working_dir',
  command: 'command',
  entryPoint: 'entrypoint',
  tty: 'tty',
  stdinOpen: 'stdin_open',
  privileged: 'privileged',
  dns: 'dns',
  extraHosts: 'extra_hosts',
};

function isEmpty(value: Json | undefined): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function composeService(config: JsonObject): JsonObject {
  const out: JsonObject = { image: String(config.imageUuid ?? '').replace(/^docker:/, '') };
  for (const [field, key] of Object.entries(composeKeys)) {
    if (!isEmpty(config[field])) out[key] = config[field] ?? null;
  }
  return out;
}

/** `requestLine` → `request_line`: rancher-compose.yml spells the health check's keys as the CLI reads them. */
function snakeKeys(value: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

/**
 * YAML 1.1, as Rancher's Go YAML writes and the CLI reads: a value such as `yes`, `on` or `0755` is
 * quoted, so it comes back as the string it was, not a boolean or a number.
 */
const asRancherWrites = (value: JsonObject) => stringify(value, { version: '1.1' });

export function exportCompose(services: ServiceRecord[]): { dockerComposeConfig: string; rancherComposeConfig: string } {
  const docker: JsonObject = {};
  const rancher: JsonObject = {};
  for (const s of services) {
    if (!s.name || s.removed !== null) continue;
    docker[s.name] = composeService(s.launchConfig);
    const extra: JsonObject = { scale: s.scale, start_on_create: s.startOnCreate };
    const healthCheck = s.launchConfig.healthCheck;
    if (healthCheck && typeof healthCheck === 'object' && !Array.isArray(healthCheck)) extra.health_check = snakeKeys(healthCheck);
    rancher[s.name] = extra;
  }
  return {
    dockerComposeConfig: asRancherWrites({ version: '2', services: docker }),
    rancherComposeConfig: asRancherWrites({ version: '2', services: rancher }),
  };
}
