import { effectiveCapabilities, normaliseCapability } from './capabilities';
import { parseMode } from './file-mode';
import type { RawFinding } from './finding';
import { parseImageRef } from './image-ref';
import { pointer } from './json-pointer';
import { parsePortMapping } from './port-spec';
import type { CapEntry, Entry, KeyValue, MountEntry, NamespaceEntry, PortEntry, SecretEntry, ServiceSpec, SpecField, SpecInput } from './service-spec';
import { parseUserSpec } from './user-spec';
import { parseVolumeMount } from './volume-mount';

export type SpecDialect = 'compose' | 'launchConfig';

const FIELD_NAMES: Record<SpecDialect, Record<SpecField, string>> = {
  compose: {
    image: 'image', build: 'build', env: 'environment', labels: 'labels', capAdd: 'cap_add', capDrop: 'cap_drop',
    privileged: 'privileged', devices: 'devices', securityOpt: 'security_opt', volumes: 'volumes', ports: 'ports',
    user: 'user', groupAdd: 'group_add', secrets: 'secrets', networkMode: 'network_mode', pidMode: 'pid',
    ipcMode: 'ipc', usernsMode: 'userns_mode', uts: 'uts',
  },
  launchConfig: {
    image: 'imageUuid', build: 'build', env: 'environment', labels: 'labels', capAdd: 'capAdd', capDrop: 'capDrop',
    privileged: 'privileged', devices: 'devices', securityOpt: 'securityOpt', volumes: 'dataVolumes', ports: 'ports',
    user: 'user', groupAdd: 'groupAdd', secrets: 'secrets', networkMode: 'networkMode', pidMode: 'pidMode',
    ipcMode: 'ipcMode', usernsMode: 'usernsMode', uts: 'uts',
  },
};

const NAMESPACE_FIELDS: readonly [SpecField, NamespaceEntry['kind']][] = [
  ['networkMode', 'network'], ['pidMode', 'pid'], ['ipcMode', 'ipc'], ['usernsMode', 'userns'], ['uts', 'uts'],
];

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarText(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

export interface NormaliseOptions {
  name: string;
  input: SpecInput;
  path: string;
  dialect: SpecDialect;
  /** secretId → secret name, from the caller (launchConfig references carry only ids). */
  secretNames?: Readonly<Record<string, string>>;
}

/**
 * Reads one compose service or launchConfig into a ServiceSpec. Anything that cannot be read becomes
 * an `input-malformed` problem at its exact pointer and is left out, so the other rules still run.
 */
export function normaliseService(raw: Record<string, unknown>, opts: NormaliseOptions): { spec: ServiceSpec; problems: RawFinding[] } {
  const names = FIELD_NAMES[opts.dialect];
  const problems: RawFinding[] = [];
  const fieldPath = (f: SpecField) => pointer(opts.path, names[f]);
  const problem = (path: string, reason: string) =>
    problems.push({ input: opts.input, path, service: opts.name, message: `Cannot check ${path}: ${reason}.` });
  const get = (f: SpecField) => raw[names[f]];

  function text(f: SpecField): Entry<string> | null {
    const v = get(f);
    if (v === null || v === undefined) return null;
    const s = scalarText(v);
    if (s === null) problem(fieldPath(f), 'expected a string');
    return s === null ? null : { value: s, path: fieldPath(f) };
  }

  function list(f: SpecField): Entry<unknown>[] {
    const v = get(f);
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) {
      problem(fieldPath(f), 'expected a list');
      return [];
    }
    return v.map((value, i) => ({ value, path: pointer(fieldPath(f), i) }));
  }

  function textList(f: SpecField): Entry<string>[] {
    const out: Entry<string>[] = [];
    for (const e of list(f)) {
      const s = scalarText(e.value);
      if (s === null) problem(e.path, 'expected a string');
      else out.push({ value: s, path: e.path });
    }
    return out;
  }

  function keyValues(f: SpecField): { entries: KeyValue[]; form: 'map' | 'list' | 'none' } {
    const v = get(f);
    if (v === null || v === undefined) return { entries: [], form: 'none' };
    if (Array.isArray(v)) {
      const entries: KeyValue[] = [];
      for (const e of textList(f)) {
        const eq = e.value.indexOf('=');
        entries.push(eq < 0 ? { key: e.value, value: null, path: e.path } : { key: e.value.slice(0, eq), value: e.value.slice(eq + 1), path: e.path });
      }
      return { entries, form: 'list' };
    }
    if (!isRecord(v)) {
      problem(fieldPath(f), 'expected a map or a list of KEY=VALUE');
      return { entries: [], form: 'none' };
    }
    const entries: KeyValue[] = [];
    for (const [key, value] of Object.entries(v)) {
      const path = pointer(fieldPath(f), key);
      const s = value === null ? null : scalarText(value);
      if (value !== null && s === null) problem(path, 'expected a string value');
      else entries.push({ key, value: s, path });
    }
    return { entries, form: 'map' };
  }

  const caps = (f: SpecField): CapEntry[] => textList(f).map((e) => ({ name: normaliseCapability(e.value), raw: e.value, path: e.path }));

  let image = text('image');
  let imageRef = null;
  if (image && opts.dialect === 'launchConfig') {
    if (!image.value.startsWith('docker:')) {
      problem(image.path, `imageUuid "${image.value}" must start with "docker:"`);
      image = null;
    } else image = { value: image.value.slice('docker:'.length), path: image.path };
  }
  if (image) {
    const r = parseImageRef(image.value);
    if (r.ok) imageRef = r.ref;
    else problem(image.path, r.reason);
  }

  const build = get('build');
  const privilegedRaw = get('privileged');
  let privileged: Entry<boolean> | null = null;
  if (typeof privilegedRaw === 'boolean') privileged = { value: privilegedRaw, path: fieldPath('privileged') };
  else if (privilegedRaw !== null && privilegedRaw !== undefined) problem(fieldPath('privileged'), 'expected true or false');

  const volumes: MountEntry[] = [];
  list('volumes').forEach((e, index) => {
    if (isRecord(e.value)) return problem(e.path, 'the long volume syntax is compose v3; write src:dst[:ro]');
    const s = scalarText(e.value);
    const r = s === null ? null : parseVolumeMount(s);
    if (!r) problem(e.path, 'expected src:dst[:options]');
    else if (!r.ok) problem(e.path, r.reason);
    else volumes.push({ ...r.mount, path: e.path, index });
  });

  const ports: PortEntry[] = [];
  list('ports').forEach((e, index) => {
    if (isRecord(e.value)) return problem(e.path, 'the long port syntax is compose v3; write "host:container"');
    const s = typeof e.value === 'string' || typeof e.value === 'number' ? e.value : null;
    const r = s === null ? null : parsePortMapping(s);
    if (!r) problem(e.path, 'expected "[ip:]host:container[/protocol]"');
    else if (!r.ok) problem(e.path, r.reason);
    else ports.push({ ...r.mapping, path: e.path, index });
  });

  const userEntry = text('user');
  let user: ServiceSpec['user'] = null;
  if (userEntry && userEntry.value.trim() !== '') {
    const r = parseUserSpec(userEntry.value);
    if (r.ok) user = { ...userEntry, spec: r.spec };
    else problem(userEntry.path, r.reason);
  }

  const secrets: SecretEntry[] = [];
  list('secrets').forEach((e, index) => {
    const s = readSecret(e.value, opts, e.path, index);
    if (typeof s === 'string') problem(e.path, s);
    else secrets.push(s);
  });

  const namespaces: NamespaceEntry[] = [];
  for (const [f, kind] of NAMESPACE_FIELDS) {
    const e = text(f);
    if (e) namespaces.push({ kind, value: e.value, path: e.path });
  }
  // Compose v1 spelled network_mode as `net`.
  if (opts.dialect === 'compose' && typeof raw.net === 'string') namespaces.push({ kind: 'network', value: raw.net, path: pointer(opts.path, 'net') });

  const env = keyValues('env');
  const labels = keyValues('labels');
  const capAdd = caps('capAdd');
  const capDrop = caps('capDrop');
  const spec: ServiceSpec = {
    name: opts.name,
    input: opts.input,
    path: opts.path,
    fieldPath,
    forms: { env: env.form, labels: labels.form },
    image,
    imageRef,
    build: build === null || build === undefined ? null : { value: build, path: fieldPath('build') },
    env: env.entries,
    labels: labels.entries,
    capAdd,
    capDrop,
    privileged,
    devices: textList('devices'),
    securityOpt: textList('securityOpt'),
    volumes,
    ports,
    user,
    groupAdd: textList('groupAdd'),
    secrets,
    namespaces,
    effectiveCaps: effectiveCapabilities(
      capAdd.map((c) => c.name),
      capDrop.map((c) => c.name),
      privileged?.value === true,
    ),
    externalMounts: volumes.filter((v) => v.external),
  };
  return { spec, problems };
}

function readSecret(v: unknown, opts: NormaliseOptions, path: string, index: number): SecretEntry | string {
  // Compose short form: the secret's name, mounted under the same name.
  if (typeof v === 'string') return { form: 'short', name: v, secretId: null, target: v, uid: null, gid: null, mode: null, path, index };
  if (!isRecord(v)) return 'expected a secret name or a map';
  const mode = parseMode(v.mode);
  if (mode === undefined) return `mode ${JSON.stringify(v.mode)} is not an octal file mode such as '0400'`;
  const uid = v.uid === null || v.uid === undefined ? null : scalarText(v.uid);
  const gid = v.gid === null || v.gid === undefined ? null : scalarText(v.gid);
  if (opts.dialect === 'compose') {
    if (typeof v.source !== 'string' || v.source === '') return 'a secret needs a source';
    const target = typeof v.target === 'string' && v.target !== '' ? v.target : v.source;
    return { form: 'long', name: v.source, secretId: null, target, uid, gid, mode, path, index };
  }
  const secretId = typeof v.secretId === 'string' ? v.secretId : null;
  const name = secretId !== null ? (opts.secretNames?.[secretId] ?? null) : null;
  const target = typeof v.name === 'string' && v.name !== '' ? v.name : null;
  return { form: 'long', name, secretId, target, uid, gid, mode, path, index };
}
