import { effectiveCapabilities, normaliseCapability } from './capabilities';
import { FieldReader, isRecord, scalarText } from './field-reader';
import { parseMode } from './file-mode';
import type { RawFinding } from './finding';
import { parseImageRef, type ImageRef } from './image-ref';
import { pointer } from './json-pointer';
import { parsePortMapping } from './port-spec';
import type { CapEntry, Entry, MountEntry, NamespaceEntry, PortEntry, SecretEntry, ServiceSpec, SpecField, SpecInput, VolumesFromEntry } from './service-spec';
import { parseUserSpec } from './user-spec';
import { parseVolumeMount } from './volume-mount';

export type SpecDialect = 'compose' | 'launchConfig';

const FIELD_NAMES: Record<SpecDialect, Record<SpecField, string>> = {
  compose: {
    image: 'image', build: 'build', env: 'environment', labels: 'labels', capAdd: 'cap_add', capDrop: 'cap_drop',
    privileged: 'privileged', devices: 'devices', securityOpt: 'security_opt', volumes: 'volumes', volumesFrom: 'volumes_from', sysctls: 'sysctls', ports: 'ports',
    user: 'user', groupAdd: 'group_add', secrets: 'secrets', networkMode: 'network_mode', pidMode: 'pid',
    ipcMode: 'ipc', usernsMode: 'userns_mode', uts: 'uts',
  },
  launchConfig: {
    image: 'imageUuid', build: 'build', env: 'environment', labels: 'labels', capAdd: 'capAdd', capDrop: 'capDrop',
    privileged: 'privileged', devices: 'devices', securityOpt: 'securityOpt', volumes: 'dataVolumes', volumesFrom: 'dataVolumesFrom', sysctls: 'sysctls', ports: 'ports',
    user: 'user', groupAdd: 'groupAdd', secrets: 'secrets', networkMode: 'networkMode', pidMode: 'pidMode',
    ipcMode: 'ipcMode', usernsMode: 'usernsMode', uts: 'uts',
  },
};

const NAMESPACE_FIELDS: readonly [SpecField, NamespaceEntry['kind']][] = [
  ['networkMode', 'network'], ['pidMode', 'pid'], ['ipcMode', 'ipc'], ['usernsMode', 'userns'], ['uts', 'uts'],
];

export interface NormaliseOptions {
  name: string;
  input: SpecInput;
  path: string;
  dialect: SpecDialect;
  /** secretId → secret name, from the caller (launchConfig references carry only ids). */
  secretNames?: Readonly<Record<string, string>>;
}

function readImage(reader: FieldReader, dialect: SpecDialect): { image: Entry<string> | null; imageRef: ImageRef | null } {
  let image = reader.text('image');
  if (image && dialect === 'launchConfig') {
    if (!image.value.startsWith('docker:')) {
      reader.problem(image.path, `imageUuid "${image.value}" must start with "docker:"`);
      return { image: null, imageRef: null };
    }
    image = { value: image.value.slice('docker:'.length), path: image.path };
  }
  if (!image) return { image: null, imageRef: null };
  const r = parseImageRef(image.value);
  if (!r.ok) reader.problem(image.path, r.reason);
  return { image, imageRef: r.ok ? r.ref : null };
}

function readPrivileged(reader: FieldReader): Entry<boolean> | null {
  const v = reader.get('privileged');
  if (typeof v === 'boolean') return { value: v, path: reader.path('privileged') };
  if (v !== null && v !== undefined) reader.problem(reader.path('privileged'), 'expected true or false');
  return null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Volumes and ports: short-syntax strings parsed one by one. A map item is compose v3's long syntax,
 * which Rancher 1.6 does not read.
 */
function readShortSyntax<T extends object>(
  reader: FieldReader,
  f: 'volumes' | 'ports',
  longSyntax: string,
  parse: (v: string | number) => Parsed<T>,
): (T & { path: string; index: number })[] {
  const out: (T & { path: string; index: number })[] = [];
  const items = reader.list(f);
  for (let index = 0; index < items.length; index++) {
    const e = items[index] as Entry<unknown>;
    if (isRecord(e.value)) {
      reader.problem(e.path, `the long ${f === 'ports' ? 'port' : 'volume'} syntax is compose v3; write ${longSyntax}`);
      continue;
    }
    const r = typeof e.value === 'string' || typeof e.value === 'number' ? parse(e.value) : null;
    if (!r) reader.problem(e.path, `expected ${longSyntax}`);
    else if (!r.ok) reader.problem(e.path, r.reason);
    else out.push(Object.assign(r.value, { path: e.path, index }));
  }
  return out;
}

function readVolumes(reader: FieldReader): MountEntry[] {
  return readShortSyntax(reader, 'volumes', 'src:dst[:ro]', (v) => {
    const r = parseVolumeMount(String(v));
    return r.ok ? { ok: true, value: r.mount } : r;
  });
}

function readPorts(reader: FieldReader): PortEntry[] {
  return readShortSyntax(reader, 'ports', '"[ip:]host:container[/protocol]"', (v) => {
    const r = parsePortMapping(v);
    return r.ok ? { ok: true, value: r.mapping } : r;
  });
}

function readUser(reader: FieldReader): ServiceSpec['user'] {
  const e = reader.text('user');
  if (!e || e.value.trim() === '') return null;
  const r = parseUserSpec(e.value);
  if (r.ok) return { value: e.value, path: e.path, spec: r.spec };
  reader.problem(e.path, r.reason);
  return null;
}

function readSecrets(reader: FieldReader, opts: NormaliseOptions): SecretEntry[] {
  const out: SecretEntry[] = [];
  const items = reader.list('secrets');
  for (let index = 0; index < items.length; index++) {
    const e = items[index] as Entry<unknown>;
    const s = readSecret(e.value, opts, e.path, index);
    if (typeof s === 'string') reader.problem(e.path, s);
    else out.push(s);
  }
  return out;
}

function readNamespaces(reader: FieldReader, raw: Record<string, unknown>, opts: NormaliseOptions): NamespaceEntry[] {
  const out: NamespaceEntry[] = [];
  for (const [f, kind] of NAMESPACE_FIELDS) {
    const e = reader.text(f);
    if (e) out.push({ kind, value: e.value, path: e.path });
  }
  // Compose v1 spelled network_mode as `net`; Rancher can also name the container by id.
  if (opts.dialect === 'compose' && typeof raw.net === 'string') out.push({ kind: 'network', value: raw.net, path: pointer(opts.path, 'net') });
  if (opts.dialect === 'launchConfig' && typeof raw.networkContainerId === 'string' && raw.networkContainerId !== '') {
    out.push({ kind: 'network', value: `container:${raw.networkContainerId}`, path: pointer(opts.path, 'networkContainerId') });
  }
  return out;
}

/**
 * Compose writes `service[:ro|rw]` or `container:name[:ro|rw]`; a launchConfig lists container ids.
 */
function readVolumesFrom(reader: FieldReader, dialect: SpecDialect): VolumesFromEntry[] {
  return reader.textList('volumesFrom').map((e): VolumesFromEntry => {
    if (dialect === 'launchConfig') return { target: e.value, kind: 'container', path: e.path };
    const parts = e.value.split(':');
    const container = parts[0] === 'container';
    return { target: (container ? parts[1] : parts[0]) ?? '', kind: container ? 'container' : 'service', path: e.path };
  });
}

function readCaps(reader: FieldReader, f: 'capAdd' | 'capDrop'): CapEntry[] {
  const out: CapEntry[] = [];
  for (const e of reader.textList(f)) out.push({ name: normaliseCapability(e.value), raw: e.value, path: e.path });
  return out;
}

/**
 * Reads one compose service or launchConfig into a ServiceSpec. Anything that cannot be read becomes
 * an `input-malformed` problem at its exact pointer and is left out, so the other rules still run.
 */
export function normaliseService(raw: Record<string, unknown>, opts: NormaliseOptions): { spec: ServiceSpec; problems: RawFinding[] } {
  const reader = new FieldReader(raw, FIELD_NAMES[opts.dialect], opts.path, opts.input, opts.name);
  const { image, imageRef } = readImage(reader, opts.dialect);
  const build = reader.get('build');
  const privileged = readPrivileged(reader);
  const volumes = readVolumes(reader);
  const env = reader.keyValues('env');
  const labels = reader.keyValues('labels');
  const capAdd = readCaps(reader, 'capAdd');
  const capDrop = readCaps(reader, 'capDrop');
  const spec: ServiceSpec = {
    name: opts.name,
    input: opts.input,
    path: opts.path,
    fieldPath: reader.path.bind(reader),
    forms: { env: env.form, labels: labels.form },
    image,
    imageRef,
    build: build === null || build === undefined ? null : { value: build, path: reader.path('build') },
    env: env.entries,
    labels: labels.entries,
    capAdd,
    capDrop,
    privileged,
    devices: reader.textList('devices'),
    sysctls: reader.keyValues('sysctls').entries,
    securityOpt: reader.textList('securityOpt'),
    volumes,
    volumesFrom: readVolumesFrom(reader, opts.dialect),
    ports: readPorts(reader),
    user: readUser(reader),
    groupAdd: reader.textList('groupAdd'),
    secrets: readSecrets(reader, opts),
    namespaces: readNamespaces(reader, raw, opts),
    effectiveCaps: effectiveCapabilities(
      capAdd.map((c) => c.name),
      capDrop.map((c) => c.name),
      privileged?.value === true,
    ),
    externalMounts: volumes.filter((v) => v.external),
  };
  return { spec, problems: reader.problems };
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
