import type { World } from '../world/world';
import type { ContainerRecord } from '../world/world-types';
import { type Account, buildTree } from './file-tree';
import type { ShellState } from './shell-commands';

// The fake shell's view of one container: its user (from the launchConfig's `user`, resolved
// through the image's /etc/passwd and /etc/group), its environment and its file tree.

function resolveUser(world: World, spec: string | null): { user: Account; userName: string | null; groupName: string | null } {
  const [who = '', group] = (spec ?? '').split(':', 2);
  const byName = world.users.find((u) => u.name === who);
  const uid = who === '' || who === 'root' ? 0 : (byName?.uid ?? Number(who));
  const account = uid === 0 ? undefined : (byName ?? world.users.find((u) => u.uid === uid));
  const groupEntry = group === undefined ? world.groups.find((g) => g.gid === (account?.gid ?? 0)) : world.groups.find((g) => g.name === group || String(g.gid) === group);
  const gid = group === undefined ? (account?.gid ?? 0) : (groupEntry?.gid ?? Number(group));
  return {
    user: { name: account?.name ?? (uid === 0 ? 'root' : String(uid)), uid: Number.isFinite(uid) ? uid : 0, gid: Number.isFinite(gid) ? gid : 0, home: account?.home ?? (uid === 0 ? '/root' : '/') },
    userName: uid === 0 ? 'root' : (account?.name ?? null),
    groupName: gid === 0 ? 'root' : (groupEntry?.name ?? null),
  };
}

export function shellStateFor(world: World, container: ContainerRecord): { state: ShellState; hasBash: boolean } {
  const service = world.serviceOfContainer(container.id);
  const profile = service ? world.serviceProfiles.get(service.id) : undefined;
  const kind = profile?.shell ?? (container.imageUuid.includes('alpine') ? 'sh' : 'bash');
  const { user, userName, groupName } = resolveUser(world, container.user);
  const workingDir = typeof container.workingDir === 'string' && container.workingDir ? container.workingDir : null;
  const secretRefs = Array.isArray(container.secrets) ? (container.secrets as { secretId?: string; name?: string }[]) : [];
  const tree = buildTree({
    hostname: container.hostname,
    ipAddress: container.primaryIpAddress,
    shell: kind,
    users: world.users,
    groups: world.groups,
    workingDir,
    files: profile?.files ?? {},
    secrets: secretRefs.flatMap((s) => (s.name && s.secretId ? [{ name: s.name, value: world.secretValues.get(s.secretId) ?? '' }] : [])),
    createdMs: container.createdTS,
  });
  const env = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', container.hostname],
    ...Object.entries(container.environment).map(([k, v]): [string, string] => [k, String(v)]),
    ['HOME', user.home],
  ]);
  return {
    hasBash: kind === 'bash',
    state: { kind, hostname: container.hostname, user, userName, groupName, cwd: workingDir ?? '/', env, tree, accounts: [{ name: 'root', uid: 0, gid: 0, home: '/root' }, ...world.users], groups: [{ name: 'root', gid: 0 }, ...world.groups], cols: 80, lastStatus: 0 },
  };
}
