/** Docker's default capability set (moby `oci/caps/defaults.go`, linked from BP18 §Security). */
export const DOCKER_DEFAULT_CAPS: readonly string[] = [
  'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID',
  'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE',
];

/** BP18 §Allowed Kernel Capabilities, column "No External Filesystem". */
export const SPIN_ALLOWED_CAPS: readonly string[] = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'KILL', 'SETGID', 'SETUID', 'NET_BIND_SERVICE'];

/** Column "External Filesystem": everything else must be dropped. */
export const EXTERNAL_FS_ALLOWED_CAPS: readonly string[] = ['NET_BIND_SERVICE'];

/** Every Linux capability, for `privileged: true` and `cap_add: [ALL]`. */
export const ALL_LINUX_CAPS: readonly string[] = [
  'AUDIT_CONTROL', 'AUDIT_READ', 'AUDIT_WRITE', 'BLOCK_SUSPEND', 'BPF', 'CHECKPOINT_RESTORE', 'CHOWN',
  'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'IPC_LOCK', 'IPC_OWNER', 'KILL', 'LEASE',
  'LINUX_IMMUTABLE', 'MAC_ADMIN', 'MAC_OVERRIDE', 'MKNOD', 'NET_ADMIN', 'NET_BIND_SERVICE',
  'NET_BROADCAST', 'NET_RAW', 'PERFMON', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_ADMIN',
  'SYS_BOOT', 'SYS_CHROOT', 'SYS_MODULE', 'SYS_NICE', 'SYS_PACCT', 'SYS_PTRACE', 'SYS_RAWIO',
  'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'SYSLOG', 'WAKE_ALARM',
];

/** Docker accepts `net_admin`, `CAP_NET_ADMIN` and `Net_Admin` alike. */
export function normaliseCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** (capDrop has ALL ? none : defaults − capDrop) ∪ capAdd; privileged grants everything. */
export function effectiveCapabilities(capAdd: readonly string[], capDrop: readonly string[], privileged: boolean): Set<string> {
  if (privileged || capAdd.includes('ALL')) return new Set(ALL_LINUX_CAPS);
  const dropped = new Set(capDrop);
  const caps = new Set(dropped.has('ALL') ? [] : DOCKER_DEFAULT_CAPS.filter((c) => !dropped.has(c)));
  for (const c of capAdd) caps.add(c);
  return caps;
}
