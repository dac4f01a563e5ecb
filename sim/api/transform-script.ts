import { z } from 'zod';
import type { JsonObject } from '../world/world-types';
import { parseInput } from './action-inputs';

// POST {project}/scripts/transform: rancher-compose turns a docker-inspect-like container description
// into a launchConfig to hash it. The answer must carry a non-null logConfig, or the CLI dereferences
// nil and panics (rancher-cli.md, `up`).

const strings = z.array(z.string()).nullish();

const transformInput = z.looseObject({
  Config: z
    .looseObject({
      Hostname: z.string().nullish(),
      User: z.string().nullish(),
      Tty: z.boolean().nullish(),
      OpenStdin: z.boolean().nullish(),
      Env: strings,
      Cmd: strings,
      Entrypoint: strings,
      Image: z.string().nullish(),
      WorkingDir: z.string().nullish(),
      Labels: z.record(z.string(), z.string()).nullish(),
    })
    .nullish(),
  HostConfig: z
    .looseObject({
      Binds: strings,
      Privileged: z.boolean().nullish(),
      CapAdd: strings,
      CapDrop: strings,
      NetworkMode: z.string().nullish(),
      Dns: strings,
      ExtraHosts: strings,
      PortBindings: z.record(z.string(), z.array(z.looseObject({ HostIp: z.string().nullish(), HostPort: z.string().nullish() })).nullish()).nullish(),
      LogConfig: z.looseObject({ Type: z.string().nullish(), Config: z.record(z.string(), z.string()).nullish() }).nullish(),
    })
    .nullish(),
});

function ports(bindings: Record<string, { HostPort?: string | null }[] | null | undefined> | null | undefined): string[] {
  const out: string[] = [];
  for (const [containerPort, hosts] of Object.entries(bindings ?? {})) {
    const [port, proto = 'tcp'] = containerPort.split('/');
    const published = (hosts ?? []).map((h) => h.HostPort).filter((p): p is string => Boolean(p));
    if (published.length === 0) out.push(`${port}/${proto}`);
    for (const host of published) out.push(`${host}:${port}/${proto}`);
  }
  return out;
}

export function transformContainer(body: unknown): JsonObject {
  const input = parseInput(transformInput, body);
  const config = input.Config ?? {};
  const host = input.HostConfig ?? {};
  const environment: JsonObject = {};
  for (const pair of config.Env ?? []) {
    const eq = pair.indexOf('=');
    if (eq > 0) environment[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const network = host.NetworkMode && host.NetworkMode !== 'default' ? host.NetworkMode : 'managed';
  return {
    type: 'launchConfig',
    kind: 'container',
    imageUuid: config.Image ? `docker:${config.Image}` : null,
    environment,
    labels: config.Labels ?? {},
    command: config.Cmd ?? null,
    entryPoint: config.Entrypoint ?? null,
    user: config.User || null,
    workingDir: config.WorkingDir || null,
    hostname: config.Hostname || null,
    tty: config.Tty ?? false,
    stdinOpen: config.OpenStdin ?? false,
    dataVolumes: host.Binds ?? [],
    privileged: host.Privileged ?? false,
    capAdd: host.CapAdd ?? [],
    capDrop: host.CapDrop ?? [],
    dns: host.Dns ?? [],
    extraHosts: host.ExtraHosts ?? [],
    ports: ports(host.PortBindings),
    networkMode: network,
    logConfig: { type: 'logConfig', driver: host.LogConfig?.Type ?? '', config: host.LogConfig?.Config ?? {} },
  };
}
