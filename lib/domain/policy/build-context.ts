import type { CheckInput } from './check-input';
import { normaliseCompose, rancherComposeServices, type ComposeDoc } from './compose-doc';
import { dockerfileUser, parseDockerfile } from './dockerfile';
import type { PolicyInputName, RawFinding } from './finding';
import { parseImageRef, type ImageRef } from './image-ref';
import { isRecord } from './field-reader';
import { normaliseService } from './normalise-service';
import { parsePolicyConfig, type Waiver } from './policy-config';
import { DEFAULT_PROFILE, profiles } from './profiles';
import type { RuleContext, RunAs } from './rule-context';
import { DEFAULT_ALLOWED_HOST_PATHS, normalisePosixPath } from './host-path';
import { findRule } from './rules/index';
import type { ServiceSpec } from './service-spec';
import { lintStackTags } from './stack-tags';
import { parseYamlSource, type SourcePosition, type YamlSource } from './yaml-source';

export type Locator = (input: PolicyInputName, path: string) => SourcePosition | null;

export interface PreparedCheck {
  ctx: RuleContext;
  locate: Locator;
  files: Partial<Record<PolicyInputName, string>>;
}

/** Rancher labels every container `io.rancher.stack_service.name: <stack>/<service>`. */
function serviceNameOf(lc: Record<string, unknown>): string | null {
  const labels = lc.labels;
  const v = isRecord(labels) ? labels['io.rancher.stack_service.name'] : undefined;
  return typeof v === 'string' && v.includes('/') ? (v.split('/').pop() ?? null) : null;
}

/** Parses and normalises every input once; whatever cannot be read becomes an input-malformed problem. */
export function prepareCheck(input: CheckInput): PreparedCheck {
  const problems: RawFinding[] = [];
  const sources: Partial<Record<PolicyInputName, YamlSource>> = {};
  const files: Partial<Record<PolicyInputName, string>> = {
    dockerCompose: input.files?.compose,
    rancherCompose: input.files?.rancherCompose,
    dockerfile: input.files?.dockerfile,
    waivers: input.files?.waivers,
  };

  const yaml = (name: 'dockerCompose' | 'rancherCompose', text: string | undefined): unknown => {
    const given = input.parsed?.[name === 'dockerCompose' ? 'compose' : 'rancherCompose'];
    if (given) {
      sources[name] = given;
      return given.value;
    }
    if (text === undefined) return undefined;
    const r = parseYamlSource(text, files[name]);
    if (r.ok) {
      sources[name] = r.source;
      return r.source.value;
    }
    const { line, column, message } = r.error;
    problems.push({ input: name, path: '', message: `Cannot check the file: ${message}.`, position: { line, column } });
    return undefined;
  };

  let compose: ComposeDoc | null = null;
  const composeValue = yaml('dockerCompose', input.compose);
  if (sources.dockerCompose) {
    const r = normaliseCompose(composeValue, input.secretNames);
    compose = r.doc;
    problems.push(...r.problems);
  }
  const rancherValue = yaml('rancherCompose', input.rancherCompose);
  const rancherServices = sources.rancherCompose ? rancherComposeServices(rancherValue) : null;

  let waivers: Waiver[] = [];
  const trusted = [...(input.trustedHubNamespaces ?? [])];
  if (input.waivers !== undefined) {
    const r = parsePolicyConfig(input.waivers, files.waivers, (id) => findRule(id)?.waivable);
    if (r.ok) {
      waivers = r.config.waivers;
      trusted.push(...r.config.trustedHubNamespaces);
      if (r.config.source) sources.waivers = r.config.source;
    } else {
      for (const e of r.errors) problems.push({ input: 'waivers', path: e.path, message: `Cannot use the waivers: ${e.message}.`, position: { line: e.line, column: e.column } });
    }
  }

  const upgradeName = input.service ?? (input.proposed ? serviceNameOf(input.proposed) : null) ?? 'service';
  const launch = (name: 'current' | 'proposed'): ServiceSpec | null => {
    const lc = input[name];
    if (!lc) return null;
    const r = normaliseService(lc, { name: upgradeName, input: name, path: `/${name}`, dialect: 'launchConfig', secretNames: input.secretNames });
    problems.push(...r.problems);
    return r.spec;
  };
  const current = launch('current');
  const proposed = launch('proposed');

  const dfDoc = input.dockerfile !== undefined ? parseDockerfile(input.dockerfile) : null;
  const dfService = input.dockerfileService ?? (proposed ? upgradeName : null);
  const dfImages: { ref: ImageRef; path: string }[] = [];
  for (const stage of dfDoc?.stages ?? []) {
    if (stage.image === null) continue;
    const path = `/instructions/${stage.from.index}`;
    const r = parseImageRef(stage.image);
    if (r.ok) dfImages.push({ ref: r.ref, path });
    else problems.push({ input: 'dockerfile', path, message: `Cannot check ${path}: ${r.reason}.` });
  }
  const dockerfile = dfDoc ? { doc: dfDoc, service: dfService, images: dfImages } : null;
  const dfUser = dfDoc ? dockerfileUser(dfDoc) : null;

  const stackServices = input.stackServices ?? null;
  const nowParsed = input.now !== undefined ? Date.parse(input.now) : NaN;
  const ctx: RuleContext = {
    profile: profiles[input.profile ?? DEFAULT_PROFILE],
    compose,
    rancherServices,
    services: [...(compose?.services ?? []), ...(proposed ? [proposed] : [])],
    upgrade: current && proposed ? { service: upgradeName, current, proposed } : null,
    stack: {
      name: input.stackName ?? null,
      tags: input.stackTags !== undefined ? lintStackTags(input.stackTags) : null,
      environment: input.environment ?? null,
      services: stackServices,
      containers: input.stackContainers ?? null,
      environmentStackNames: input.environmentStackNames ?? null,
    },
    operation: input.operation ? { op: input.operation.op, service: input.operation.service ?? null } : proposed && stackServices ? { op: 'upgrade', service: upgradeName } : null,
    dockerfile,
    actor: input.actor ?? null,
    allowedIdentities: input.allowedIdentities ?? null,
    attestations: input.attestations ?? {},
    trustedHubNamespaces: trusted,
    secretDescriptions: input.secretDescriptions ?? {},
    waivers,
    allowedHostPaths: (input.allowedHostPaths ?? DEFAULT_ALLOWED_HOST_PATHS).map(normalisePosixPath),
    composeDir: input.composeDir ?? null,
    actorRole: input.actorRole ?? null,
    staffAcknowledged: input.staffAcknowledged === true && input.actorRole === 'staff',
    secretsResolved: input.secretNames !== undefined,
    duplicateKeys: (['dockerCompose', 'rancherCompose'] as const).flatMap((name) => (sources[name]?.duplicateKeys ?? []).map((d) => ({ ...d, input: name }))),
    now: Number.isNaN(nowParsed) ? Date.now() : nowParsed,
    problems,
    userOf(spec): RunAs | null {
      if (spec.user) return { user: spec.user.spec, input: spec.input, path: spec.user.path };
      if (dfUser && dockerfile?.service === spec.name) return { user: dfUser, input: 'dockerfile', path: `/instructions/${dfUser.instruction.index}` };
      return null;
    },
    isNewService: (name) => !stackServices?.some((s) => s.name === name),
  };

  const locate: Locator = (name, path) => {
    if (name === 'dockerfile') {
      const m = /^\/instructions\/(\d+)/.exec(path);
      const ins = m ? dfDoc?.instructions[Number(m[1])] : undefined;
      return ins ? { line: ins.line, column: ins.column } : null;
    }
    return sources[name]?.locate(path) ?? null;
  };
  return { ctx, locate, files };
}
