import type { RawFinding } from './finding';
import { pointer } from './json-pointer';
import { isRecord } from './field-reader';
import { normaliseService } from './normalise-service';
import type { ServiceSpec } from './service-spec';

export interface TopLevelVolume {
  name: string;
  driver: string | null;
  path: string;
  /** The node path a `local` volume binds (`driver_opts: {type: none, o: bind, device: /path}`): a bind mount in disguise. */
  bindDevice: { value: string; path: string } | null;
}

/** A load balancer port rule of rancher-compose (`lb_config.port_rules[].service`). */
export interface LbTarget {
  service: string;
  path: string;
}

/** A docker-compose file read for the rules. */
export interface ComposeDoc {
  /** `version` as text (`2`, `'2.0'`, `3.7`), null when absent (compose v1). */
  version: string | null;
  /** Pointer of the services map: `/services`, or `` for v1 files whose services sit at the top. */
  servicesPath: string;
  services: ServiceSpec[];
  volumes: TopLevelVolume[];
  /** Pointers of things only compose v3 has: `deploy`, `configs`, long port/volume syntax. */
  v3Only: string[];
}

function versionText(v: unknown): string | null {
  // YAML reads `version: 2.0` as the number 2, which is what the author meant.
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? v.trim() : null;
}

function v3OnlyPointers(servicesPath: string, services: Record<string, unknown>, root: Record<string, unknown>): string[] {
  const out: string[] = [];
  if ('configs' in root) out.push('/configs');
  for (const [name, svc] of Object.entries(services)) {
    if (!isRecord(svc)) continue;
    for (const key of ['deploy', 'configs']) if (key in svc) out.push(pointer(servicesPath, name, key));
    for (const key of ['ports', 'volumes']) {
      const items = svc[key];
      if (Array.isArray(items)) items.forEach((item, i) => isRecord(item) && out.push(pointer(servicesPath, name, key, i)));
    }
  }
  return out;
}

/** Reads docker-compose v1/v2 into service specs; non-maps become `input-malformed` problems. */
export function normaliseCompose(value: unknown, secretNames?: Readonly<Record<string, string>>): { doc: ComposeDoc; problems: RawFinding[] } {
  const problems: RawFinding[] = [];
  const empty: ComposeDoc = { version: null, servicesPath: '/services', services: [], volumes: [], v3Only: [] };
  if (!isRecord(value)) {
    problems.push({ input: 'dockerCompose', path: '', message: 'Cannot check the file: a compose file is a map with version and services.' });
    return { doc: empty, problems };
  }
  const version = 'version' in value ? versionText(value.version) : null;
  // Compose v1 has no `version` and lists services at the top level.
  const v1 = !('version' in value) && !('services' in value);
  const servicesPath = v1 ? '' : '/services';
  const servicesRaw = v1 ? value : (value.services ?? {});
  if (!isRecord(servicesRaw)) {
    problems.push({ input: 'dockerCompose', path: servicesPath, message: `Cannot check ${servicesPath}: expected a map of services.` });
    return { doc: { ...empty, version }, problems };
  }
  const services: ServiceSpec[] = [];
  for (const [name, svc] of Object.entries(servicesRaw)) {
    const path = pointer(servicesPath, name);
    if (!isRecord(svc)) {
      problems.push({ input: 'dockerCompose', path, service: name, message: `Cannot check ${path}: a service is a map of settings.` });
      continue;
    }
    const r = normaliseService(svc, { name, input: 'dockerCompose', path, dialect: 'compose', secretNames });
    services.push(r.spec);
    problems.push(...r.problems);
  }
  const volumes: TopLevelVolume[] = [];
  if (!v1 && isRecord(value.volumes)) {
    for (const [name, vol] of Object.entries(value.volumes)) {
      const driver = isRecord(vol) && typeof vol.driver === 'string' ? vol.driver : null;
      const path = pointer('/volumes', name);
      volumes.push({ name, driver, path, bindDevice: isRecord(vol) ? bindDevice(vol.driver_opts, pointer(path, 'driver_opts')) : null });
    }
  }
  return { doc: { version, servicesPath, services, volumes, v3Only: v3OnlyPointers(servicesPath, servicesRaw, value) }, problems };
}

function bindDevice(opts: unknown, path: string): TopLevelVolume['bindDevice'] {
  if (!isRecord(opts) || typeof opts.device !== 'string' || !opts.device.startsWith('/')) return null;
  const o = typeof opts.o === 'string' ? opts.o.split(',').map((x) => x.trim()) : [];
  return o.includes('bind') || opts.type === 'none' ? { value: opts.device, path: pointer(path, 'device') } : null;
}

function lbTargets(service: unknown, path: string): LbTarget[] {
  const rules = isRecord(service) && isRecord(service.lb_config) ? service.lb_config.port_rules : undefined;
  if (!Array.isArray(rules)) return [];
  const out: LbTarget[] = [];
  rules.forEach((rule, i) => {
    if (isRecord(rule) && typeof rule.service === 'string') out.push({ service: rule.service, path: pointer(path, 'lb_config', 'port_rules', i, 'service') });
  });
  return out;
}

/** The services a rancher-compose file configures, with their pointers and load balancer targets. */
export function rancherComposeServices(value: unknown): { name: string; path: string; lbTargets: LbTarget[] }[] {
  if (!isRecord(value)) return [];
  const nested = isRecord(value.services);
  const services = nested ? (value.services as Record<string, unknown>) : 'version' in value ? {} : value;
  return Object.entries(services).map(([name, svc]) => {
    const path = pointer(nested ? '/services' : '', name);
    return { name, path, lbTargets: lbTargets(svc, path) };
  });
}
