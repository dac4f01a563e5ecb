import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeLaunchConfig } from '@/lib/domain/rancher/merge-launch-config';
import type { LaunchConfig, LaunchConfigPatch } from '@/lib/domain/rancher/types';
import { checkUpgrade, type UpgradeCheckInput } from './check';
import type { CheckInput } from './check-input';

// spin-policy.md §4.10: whatever the policy lets an owner submit as an upgrade grants no node-level
// power. The judge is an oracle written from the Kubernetes Pod Security Standards Baseline controls,
// mapped onto Rancher 1.6 launchConfig fields, and shares no code with the rules.

const STACK = {
  name: 'foo-jgi-doe',
  services: ['web', 'db'],
  containers: [{ id: '1i1', name: 'foo-jgi-doe-web-1' }, { id: '1i3', name: 'foo-jgi-doe-db-1' }],
};
const ALLOWED_ROOTS = ['/global', '/project'];

// ---- The oracle --------------------------------------------------------------------------------

/** Baseline "Capabilities": nothing may be added beyond this set. */
const BASELINE_CAPS = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);
/** Baseline "SELinux": the only types a container may ask for; user and role may not be set. */
const BASELINE_SELINUX_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
/** Baseline "Sysctls": the safe set. */
const BASELINE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
]);
/** Node paths that are root on the node or the container runtime's state, whatever roots are allowed. */
const NODE_PATHS = ['/proc', '/sys', '/dev', '/etc', '/boot', '/root', '/run', '/var/run', '/var/lib/docker', '/var/lib/rancher', '/usr', '/lib'];
/** `io.rancher.*` labels an owner may set (§4.10); Rancher reads every other one as an order. */
const OWNER_RANCHER_LABELS = new Set(
  ['container.pull_image', 'container.start_once', 'container.hostname_override', 'container.dns', 'container.dns.priority', 'container.network', 'service.wait_for_healthcheck', 'sidekicks', 'scheduler.global'].map((k) => `io.rancher.${k}`),
);
const OWNER_RANCHER_PREFIXES = ['io.rancher.scheduler.affinity:', 'io.rancher.lb_service.'];
const LB_TARGET = 'io.rancher.loadbalancer.target.';
/** What Docker's local driver accepts as a volume name; any other source that is not absolute may be read as a path. */
const DOCKER_VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The path the node's kernel opens: a stack of segments, `..` pops (never above `/`), `.` and `//` vanish. */
function resolvedSegments(absolute: string): string[] {
  const stack: string[] = [];
  for (const segment of absolute.split('/')) {
    if (segment === '..') stack.pop();
    else if (segment !== '' && segment !== '.') stack.push(segment);
  }
  return stack;
}

function within(segments: string[], root: string): boolean {
  return resolvedSegments(root).every((segment, i) => segments[i] === segment);
}

function volumePower(entry: string): string | null {
  const parts = entry.trim().split(':');
  if (parts.length === 1) return null; // an anonymous volume: Docker creates a fresh one
  const source = parts[0] ?? '';
  if (parts.length > 3) return `unreadable volume ${entry}`;
  if (!source.startsWith('/')) return DOCKER_VOLUME_NAME.test(source) ? null : `${source}, neither an absolute path nor a volume name`;
  const segments = resolvedSegments(source);
  if (segments.length === 0) return "the node's root";
  if (NODE_PATHS.some((p) => within(segments, p))) return `node path /${segments.join('/')}`;
  if (segments[segments.length - 1]?.endsWith('.sock')) return `socket /${segments.join('/')}`;
  if (!ALLOWED_ROOTS.some((root) => within(segments, root))) return `host path /${segments.join('/')}`;
  return null;
}

const ownContainer = (ref: string) => STACK.containers.some((c) => c.id === ref || c.name === ref);
const ownService = (ref: string) => {
  const [stack, service] = ref.includes('/') ? ref.split('/', 2) : [STACK.name, ref];
  return stack === STACK.name && STACK.services.includes(service ?? '');
};

/** Rancher's own labels, read as leniently as any reader could (case, surrounding space). */
function labelPower(key: string): string | null {
  const trimmed = key.trim();
  const canonical = trimmed.toLowerCase();
  if (!canonical.startsWith('io.rancher.')) return null;
  if (canonical.startsWith(LB_TARGET)) return ownService(trimmed.slice(LB_TARGET.length)) ? null : `load balancer target ${key}`;
  if (OWNER_RANCHER_LABELS.has(canonical) || OWNER_RANCHER_PREFIXES.some((p) => canonical.startsWith(p))) return null;
  return `Rancher label ${key}`;
}

/** Docker reads `key=value`, and the older `key:value`. */
function securityOptPower(option: string): string | null {
  const match = /^([^=:]*)[=:](.*)$/.exec(option.trim());
  if (!match) return null;
  const key = (match[1] ?? '').toLowerCase();
  const value = (match[2] ?? '').trim();
  const lower = value.toLowerCase();
  if (key === 'apparmor' && lower === 'unconfined') return 'unconfined AppArmor';
  // Anything but the runtime's default is a profile the owner wrote: an inline one may allow every call.
  if (key === 'seccomp' && (lower === 'unconfined' || value.startsWith('{'))) return `seccomp ${value}`;
  if (key === 'systempaths' && lower === 'unconfined') return 'unmasked /proc and /sys';
  if (key === 'label') {
    if (lower === 'disable') return 'SELinux disabled';
    const [field, ...rest] = value.split(':');
    if (field === 'user' || field === 'role') return `SELinux ${field}`;
    if (field === 'type' && !BASELINE_SELINUX_TYPES.has(rest.join(':'))) return `SELinux type ${rest.join(':')}`;
  }
  return null;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const present = (v: unknown) => v !== undefined && v !== null;

/** Every node-level (or other tenant's) power a launchConfig holds, by the Baseline controls; [] when none. */
function nodeLevelPowers(lc: LaunchConfig): string[] {
  const powers: string[] = [];
  // Baseline "Privileged Containers" (anything but false is read as a request).
  if (present(lc.privileged) && lc.privileged !== false) powers.push('privileged');
  // Baseline "Host Namespaces", and the namespaces of another stack's containers.
  for (const field of ['networkMode', 'pidMode', 'ipcMode', 'usernsMode', 'uts']) {
    const mode = lc[field];
    if (mode === 'host') powers.push(`${field} host`);
    if (typeof mode === 'string' && mode.startsWith('container:') && !ownContainer(mode.slice('container:'.length))) powers.push(`${field} ${mode}`);
  }
  if (typeof lc.networkContainerId === 'string' && lc.networkContainerId !== '' && !ownContainer(lc.networkContainerId)) powers.push(`network of ${lc.networkContainerId}`);
  for (const from of strings(lc.dataVolumesFrom)) if (!ownContainer(from)) powers.push(`volumes of ${from}`);
  // Baseline "Capabilities".
  for (const cap of strings(lc.capAdd)) {
    const name = cap.trim().toUpperCase().replace(/^CAP_/, '');
    if (!BASELINE_CAPS.has(name)) powers.push(`capability ${cap}`);
  }
  // Baseline "HostPath Volumes".
  for (const entry of strings(lc.dataVolumes)) {
    const power = volumePower(entry);
    if (power) powers.push(power);
  }
  // Host devices (Baseline forbids them through privileged and hostPath alike).
  if (strings(lc.devices).length > 0) powers.push('devices');
  // Baseline "AppArmor", "Seccomp", "SELinux", "/proc Mount Type".
  for (const option of strings(lc.securityOpt)) {
    const power = securityOptPower(option);
    if (power) powers.push(power);
  }
  // Baseline "Sysctls".
  for (const name of Object.keys(present(lc.sysctls) && typeof lc.sysctls === 'object' ? (lc.sysctls as object) : {})) {
    if (!BASELINE_SYSCTLS.has(name)) powers.push(`sysctl ${name}`);
  }
  // Rancher: the agent labels give an API key to the environment; its own labels pose as another stack.
  for (const key of Object.keys(lc.labels ?? {})) {
    const power = labelPower(key);
    if (power) powers.push(power);
  }
  return powers;
}

// ---- What an owner might send ------------------------------------------------------------------

const SOCKET_SPELLINGS = [
  '/var/run/docker.sock', '/run/docker.sock', '//var//run/docker.sock', '/var/run/./docker.sock', '/var/run/docker.sock/', '/var//run/docker.sock/.',
  '/var/lib/../run/docker.sock', '/global/../var/run/docker.sock', '/run/../var/run/docker.sock', '/./run//docker.sock',
];
const NODE_SOURCES = [
  '/', '/.', '//', '/..', '/etc', '/etc/', '/proc', '/proc/1/root', '/sys', '/sys/fs/cgroup', '/dev', '/dev/sda', '/root', '/root/.ssh', '/boot', '/usr',
  '/usr/bin', '/lib', '/lib/modules', '/var/lib/docker', '/var/lib/docker/containers', '/var/lib/rancher', '/var/lib/rancher/state', '/var/log', '/home', '/srv/app', '/tmp',
];
const ESCAPES = [
  '/global/..', '/global/x/../../etc', '/global/project/projectdirs/csg/../../../../', '/project/../var/lib/docker', '/global/cfs/cdirs/m1/../../../../../../root',
  '/globalx/data', '/global-evil/x', '/projects/x', '/global/cfs/m1/agent.sock', '/project/x/docker.sock/', '/GLOBAL/x',
];
const RELATIVE = ['./data', '../data', '.', '..', '~/data', '~', '~root/.ssh', 'data/../..', '.hidden', 'global/x'];
const HARMLESS_SOURCES = [
  '/global/cfs/cdirs/m1/www', '/global/homes/f/fred/app', '/project/projectdirs/csg/data', '/global/x/./y', '/global/x/../y', '/global//x', '/global', '/project',
  '/global/..hidden/x', '/global/...', '/global/x/sock', 'data.web.foo-jgi-doe', 'web-data', 'cache_1', 'docker.sock',
];
/** A walk from an allowed root through random segments: it may stay inside, or climb out to a node path. */
const walkArb = fc
  .tuple(
    fc.constantFrom('/global', '/project', '/global/cfs/cdirs/m1'),
    fc.array(fc.constantFrom('x', '', '.', '..', '...', '..x'), { maxLength: 5 }),
    fc.constantFrom('', 'data', 'etc', 'var/run/docker.sock', 'root/.ssh', 'global/x', 'agent.sock', '/'),
  )
  .map(([root, segments, tail]) => [root, ...segments, tail].join('/'));
const sourceArb = fc.oneof(
  { arbitrary: walkArb, weight: 3 },
  { arbitrary: fc.constantFrom(...SOCKET_SPELLINGS), weight: 2 },
  { arbitrary: fc.constantFrom(...NODE_SOURCES, ...ESCAPES, ...RELATIVE), weight: 3 },
  { arbitrary: fc.constantFrom(...HARMLESS_SOURCES), weight: 4 },
);
const volumeArb = fc.oneof(
  fc.tuple(sourceArb, fc.constantFrom('/data', '/var/run/docker.sock', '/host'), fc.constantFrom('', ':ro', ':rw', ':ro,z')).map(([s, t, o]) => `${s}:${t}${o}`),
  fc.constantFrom('/data', '/var/run/docker.sock', '/host/etc'),
);

const RESERVED_LABELS = [
  'container.create_agent', 'container.agent.role', 'container.agent_service.metadata', 'stack.name', 'stack_service.name', 'project.name', 'service.deployment.unit',
  'service.launch.config', 'container.uuid', 'container.system', 'container.requested_ip', 'cni.network', 'service.selector.link', 'service.selector.container', 'host.docker_version',
].map((k) => `io.rancher.${k}`);
const OWNER_LABELS = [
  'container.pull_image', 'container.start_once', 'container.hostname_override', 'container.dns', 'container.dns.priority', 'container.network', 'service.wait_for_healthcheck',
  'sidekicks', 'scheduler.global', 'scheduler.affinity:host_label', 'lb_service.target', 'loadbalancer.target.web', 'loadbalancer.target.foo-jgi-doe/db',
  'loadbalancer.target.genome-browser/web', 'loadbalancer.target.evil',
].map((k) => `io.rancher.${k}`);
const ORDINARY_LABELS = ['com.example.team', 'app', 'io.rancherx.foo', 'io.rancher', 'org.label-schema.version'];
/** Other spellings of a key; an index past the list keeps it as it is, so exact keys come up most. */
const respell = (key: string, how: number) =>
  [key, key.toUpperCase(), key.replace(/(^|\.)([a-z])/g, (_m, dot: string, c: string) => dot + c.toUpperCase()), ` ${key}`, `${key} `, `\t${key}`][how] ?? key;
const labelKeyArb = fc
  .tuple(fc.constantFrom(...RESERVED_LABELS, ...OWNER_LABELS, ...ORDINARY_LABELS), fc.nat(8))
  .map(([key, how]) => respell(key, how));
const labelsArb = fc.dictionary(labelKeyArb, fc.constantFrom('true', 'environmentAdmin', 'always', '80', null), { maxKeys: 3 });

const capArb = fc
  .tuple(
    fc.constantFrom('SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'ALL', 'NET_RAW', 'SYS_RAWIO', 'BPF', 'SYS_TIME', 'MAC_ADMIN', 'CHOWN', 'NET_BIND_SERVICE', 'KILL', 'SETUID', 'SETGID', 'FOWNER', 'DAC_OVERRIDE', 'MKNOD'),
    fc.constantFrom((c: string) => c, (c: string) => c.toLowerCase(), (c: string) => `CAP_${c}`, (c: string) => ` cap_${c.toLowerCase()} `),
  )
  .map(([cap, spell]) => spell(cap));

const OWN_REFS = ['1i1', '1i3', 'foo-jgi-doe-web-1', 'foo-jgi-doe-db-1'];
const FOREIGN_REFS = ['1i7', '1i9', 'genome-browser-web-1', 'foo-jgi-doe-evil-1', 'db', '1i1:ro', ' 1i3', ''];
const refArb = fc.constantFrom(...OWN_REFS, ...FOREIGN_REFS);
const modeArb = fc.oneof(fc.constantFrom('host', 'managed', 'bridge', 'none', 'default', 'private', 'shareable'), refArb.map((r) => `container:${r}`));
const SECURITY_OPTS = [
  'apparmor=unconfined', 'apparmor:unconfined', 'seccomp=unconfined', 'seccomp:unconfined', 'label=disable', 'label:disable', 'label=type:spc_t', 'label:type:spc_t',
  'label=user:system_u', 'label=role:system_r', 'systempaths=unconfined', 'seccomp={"defaultAction":"SCMP_ACT_ALLOW"}', 'no-new-privileges', 'no-new-privileges:true',
  'label=level:s0:c100,c200', 'apparmor=docker-default', 'label=type:container_t',
];

/** A field is left out five times in six, so most changes touch two or three fields and many pass. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: arb, weight: 1 });
const listOf = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), fc.array(arb, { maxLength: 3 }));

const changeArb: fc.Arbitrary<LaunchConfigPatch> = fc
  .record({
    imageUuid: maybe(fc.constantFrom('docker:nginx:1.16', 'docker:registry.spin.nersc.gov/fred/app:v2')),
    dataVolumes: maybe(listOf(volumeArb)),
    labels: maybe(labelsArb),
    privileged: maybe(fc.constantFrom(true, false, null)),
    capAdd: maybe(listOf(capArb)),
    capDrop: maybe(fc.constantFrom(null, ['ALL'], ['NET_RAW'])),
    user: maybe(fc.constantFrom('1000', '1000:1000', 'root', null)),
    networkMode: maybe(modeArb),
    networkContainerId: maybe(refArb),
    pidMode: maybe(modeArb),
    ipcMode: maybe(modeArb),
    usernsMode: maybe(fc.constantFrom('host', null)),
    uts: maybe(fc.constantFrom('host', null)),
    dataVolumesFrom: maybe(listOf(refArb)),
    devices: maybe(listOf(fc.constantFrom('/dev/fuse:/dev/fuse', '/dev/sda', '/dev/mem:/dev/mem:rwm'))),
    securityOpt: maybe(listOf(fc.constantFrom(...SECURITY_OPTS))),
  })
  .map((change) => Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)));

/** An ordinary service on the Global Filesystem: non-root with cap_drop ALL, so mounts pass the other rules. */
const GLOBAL_FS_SERVICE: LaunchConfig = {
  imageUuid: 'docker:registry.spin.nersc.gov/fred/app:v1',
  user: '1000:1000',
  capDrop: ['ALL'],
  capAdd: ['NET_BIND_SERVICE'],
  dataVolumes: ['/global/cfs/cdirs/m1/www:/srv:ro', 'data.web.foo-jgi-doe:/data'],
  labels: { 'io.rancher.container.pull_image': 'always', 'com.example.team': 'csg' },
};
/** Ordinary services of the stack, as Rancher holds them before the change. */
const BASES: LaunchConfig[] = [
  { imageUuid: 'docker:nginx:1.15', ports: ['60000:8080/tcp'] },
  GLOBAL_FS_SERVICE,
  { imageUuid: 'docker:busybox:1.30', networkMode: 'container:1i3', dataVolumesFrom: ['foo-jgi-doe-db-1'], environment: { MODE: 'sidekick' } },
];

type OwnerUpgrade = UpgradeCheckInput & Pick<CheckInput, 'stackContainers' | 'actorRole' | 'allowedHostPaths'>;

/** The portal's verdict on an owner's upgrade: the merged launchConfig and the error findings. */
function ownerVerdict(current: LaunchConfig, change: LaunchConfigPatch) {
  const proposed = mergeLaunchConfig(current, change);
  const input: OwnerUpgrade = {
    service: 'web',
    current,
    proposed,
    stackName: STACK.name,
    stackTags: 'owner:fred, staff-owner:wilma',
    stackServices: STACK.services.map((name) => ({ name, state: 'active' })),
    stackContainers: STACK.containers,
    actorRole: 'owner',
    allowedHostPaths: ALLOWED_ROOTS,
  };
  return { proposed, errors: checkUpgrade(input).findings.filter((f) => f.severity === 'error') };
}

/** Checks the property on `numRuns` changes; answers how many of them the policy accepted. */
function acceptedSafely(bases: fc.Arbitrary<LaunchConfig>, changes: fc.Arbitrary<LaunchConfigPatch>, numRuns: number): number {
  let accepted = 0;
  fc.assert(
    fc.property(bases, changes, (current, change) => {
      const { proposed, errors } = ownerVerdict(current, change);
      if (errors.length > 0) return;
      accepted++;
      expect(nodeLevelPowers(proposed), JSON.stringify(change)).toEqual([]);
    }),
    { numRuns },
  );
  return accepted;
}

// ---- Properties --------------------------------------------------------------------------------

describe('isolation (§4.10): what an owner may submit grants no node-level power', () => {
  it.each(BASES.map((b, i) => [i, b] as const))('base %i is an ordinary service the owner may upgrade', (_i, base) => {
    expect(nodeLevelPowers(base)).toEqual([]);
    expect(ownerVerdict(base, { imageUuid: 'docker:nginx:1.16' }).errors).toEqual([]);
  });

  it('holds for random changes to ordinary services', () => {
    // A policy that refused everything would pass vacuously.
    expect(acceptedSafely(fc.constantFrom(...BASES), changeArb, 2000)).toBeGreaterThan(400);
  }, 60_000);

  it('holds for random bind mounts of a Global Filesystem service', () => {
    const mounts = fc.array(volumeArb, { minLength: 1, maxLength: 2 }).map((dataVolumes): LaunchConfigPatch => ({ dataVolumes }));
    expect(acceptedSafely(fc.constant(GLOBAL_FS_SERVICE), mounts, 1000)).toBeGreaterThan(300);
  }, 60_000);
});

/** Known-dangerous changes: both judges must see them, or the oracle would be vacuous. */
const DANGEROUS: [string, LaunchConfigPatch][] = [
  ['the Docker socket', { dataVolumes: ['/var/run/docker.sock:/var/run/docker.sock'] }],
  ['the socket spelt with dots and slashes', { dataVolumes: ['//var//run/./docker.sock/:/s:ro'] }],
  ["the node's root", { dataVolumes: ['/.:/host'] }],
  ['.. out of /global into /etc', { dataVolumes: ['/global/x/../../etc:/host-etc:ro'] }],
  ['a path a volume driver may walk', { dataVolumes: ['data/../..:/data'] }],
  ['privileged', { privileged: true }],
  ['SYS_ADMIN', { capAdd: ['cap_sys_admin'] }],
  ['every capability', { capAdd: ['ALL'] }],
  ['host network', { networkMode: 'host' }],
  ['host PID', { pidMode: 'host' }],
  ['host user namespace', { usernsMode: 'host' }],
  ["another stack's IPC", { ipcMode: 'container:1i7' }],
  ["another stack's volumes", { dataVolumesFrom: ['genome-browser-web-1'] }],
  ['a device', { devices: ['/dev/mem:/dev/mem'] }],
  ['unconfined AppArmor', { securityOpt: ['apparmor=unconfined'] }],
  ['unconfined seccomp', { securityOpt: ['seccomp:unconfined'] }],
  ['SELinux super-privileged type', { securityOpt: ['label=type:spc_t'] }],
  ['unmasked /proc', { securityOpt: ['systempaths=unconfined'] }],
  ['an environment API key', { labels: { 'io.rancher.container.create_agent': 'true', 'io.rancher.container.agent.role': 'environmentAdmin' } }],
  ['the agent label respelt', { labels: { ' IO.Rancher.Container.Create_Agent': 'true' } }],
  ["another stack's name", { labels: { 'io.rancher.stack_service.name': 'genome-browser/web' } }],
  ["a load balancer on another stack's service", { labels: { 'IO.RANCHER.LOADBALANCER.TARGET.genome-browser/web': '80' } }],
];

describe('the oracle is not vacuous', () => {
  it.each(DANGEROUS)('it and the policy both refuse %s', (_name, change) => {
    // On this base only the danger itself can be refused.
    const { proposed, errors } = ownerVerdict(GLOBAL_FS_SERVICE, change);
    expect(nodeLevelPowers(proposed)).not.toEqual([]);
    expect(errors).not.toEqual([]);
  });

  const unsafeSysctl: LaunchConfigPatch = { sysctls: { 'kernel.msgmax': '65536' } };
  it('it sees a sysctl outside the Baseline safe set', () => {
    expect(nodeLevelPowers(ownerVerdict(GLOBAL_FS_SERVICE, unsafeSysctl).proposed)).toEqual(['sysctl kernel.msgmax']);
  });

  it('the policy refuses that sysctl', () => {
    expect(ownerVerdict(GLOBAL_FS_SERVICE, unsafeSysctl).errors).not.toEqual([]);
  });
});
