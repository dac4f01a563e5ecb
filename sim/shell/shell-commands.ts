import { type Account, absolutePath, type FileNode, lookup } from './file-tree';

// The commands the fake shell knows. Messages follow the image family: GNU coreutils on the
// Debian-based (bash) images, BusyBox on the Alpine (sh-only) ones.

export interface ShellState {
  kind: 'bash' | 'sh';
  hostname: string;
  user: Account;
  groupName: string | null;
  userName: string | null;
  cwd: string;
  env: Map<string, string>;
  tree: FileNode;
  accounts: Account[];
  groups: { name: string; gid: number }[];
  cols: number;
  lastStatus: number;
}

export interface CommandResult {
  out: string;
  code: number;
  exit?: boolean;
}

type Command = (sh: ShellState, args: string[]) => CommandResult;

const ok = (out = ''): CommandResult => ({ out, code: 0 });
const fail = (out: string, code = 1): CommandResult => ({ out, code });

function canRead(sh: ShellState, node: FileNode): boolean {
  if (sh.user.uid === 0) return true;
  if (node.uid === sh.user.uid) return (node.mode & 0o400) !== 0;
  return (node.mode & 0o004) !== 0;
}

function modeString(node: FileNode): string {
  const bits = ['r', 'w', 'x'];
  let s = node.kind === 'dir' ? 'd' : '-';
  for (let i = 8; i >= 0; i -= 1) s += node.mode & (1 << i) ? bits[(8 - i) % 3] : '-';
  return s;
}

function nameOf(list: { name: string; uid?: number; gid?: number }[], id: number, key: 'uid' | 'gid'): string {
  return list.find((e) => e[key] === id)?.name ?? String(id);
}

function longLine(sh: ShellState, name: string, node: FileNode): string {
  const d = new Date(node.mtime);
  const when = `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const size = node.kind === 'dir' ? 4096 : Buffer.byteLength(node.content);
  const links = node.kind === 'dir' ? 2 + [...node.children.values()].filter((c) => c.kind === 'dir').length : 1;
  return `${modeString(node)} ${String(links).padStart(2)} ${nameOf(sh.accounts, node.uid, 'uid').padEnd(8)} ${nameOf(sh.groups, node.gid, 'gid').padEnd(8)} ${String(size).padStart(8)} ${when} ${name}`;
}

function columns(names: string[], width: number): string {
  if (names.length === 0) return '';
  const lines: string[] = [];
  let line = '';
  for (const n of names) {
    if (line && line.length + 2 + n.length > width) {
      lines.push(line);
      line = n;
    } else line = line ? `${line}  ${n}` : n;
  }
  lines.push(line);
  return `${lines.join('\n')}\n`;
}

function missing(sh: ShellState, tool: string, path: string): string {
  return sh.kind === 'bash' ? `${tool}: cannot access '${path}': No such file or directory\n` : `${tool}: ${path}: No such file or directory\n`;
}

const ls: Command = (sh, args) => {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const long = flags.includes('l');
  const all = flags.includes('a');
  const paths = args.filter((a) => !a.startsWith('-'));
  let out = '';
  let code = 0;
  const targets = paths.length > 0 ? paths : ['.'];
  for (const path of targets) {
    const node = lookup(sh.tree, absolutePath(sh.cwd, path));
    if (!node) {
      out += missing(sh, 'ls', path);
      code = 2;
      continue;
    }
    if (node.kind === 'file') {
      out += long ? `${longLine(sh, path, node)}\n` : `${path}\n`;
      continue;
    }
    if (!canRead(sh, node)) {
      out += `ls: cannot open directory '${path}': Permission denied\n`;
      code = 2;
      continue;
    }
    if (targets.length > 1) out += `${path}:\n`;
    const entries = [...node.children.entries()].filter(([n]) => all || !n.startsWith('.')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const names = all ? ['.', '..', ...entries.map(([n]) => n)] : entries.map(([n]) => n);
    if (long) {
      out += `total ${entries.length * 4}\n`;
      if (all) out += `${longLine(sh, '.', node)}\n${longLine(sh, '..', node)}\n`;
      for (const [n, child] of entries) out += `${longLine(sh, n, child)}\n`;
    } else out += columns(names, sh.cols);
  }
  return { out, code };
};

const cat: Command = (sh, args) => {
  let out = '';
  let code = 0;
  for (const path of args.filter((a) => a !== '-')) {
    const node = lookup(sh.tree, absolutePath(sh.cwd, path));
    if (!node) {
      out += sh.kind === 'bash' ? `cat: ${path}: No such file or directory\n` : `cat: can't open '${path}': No such file or directory\n`;
      code = 1;
    } else if (node.kind === 'dir') {
      out += `cat: ${sh.kind === 'bash' ? `${path}: ` : `read error: `}Is a directory\n`;
      code = 1;
    } else if (!canRead(sh, node)) {
      out += sh.kind === 'bash' ? `cat: ${path}: Permission denied\n` : `cat: can't open '${path}': Permission denied\n`;
      code = 1;
    } else out += node.content;
  }
  return { out, code };
};

const cd: Command = (sh, args) => {
  const target = args[0] ?? sh.env.get('HOME') ?? '/';
  const path = absolutePath(sh.cwd, target === '~' ? (sh.env.get('HOME') ?? '/') : target);
  const node = lookup(sh.tree, path);
  const prefix = sh.kind === 'bash' ? `bash: cd: ${target}: ` : `sh: cd: can't cd to ${target}: `;
  if (!node) return fail(`${prefix}No such file or directory\n`);
  if (node.kind !== 'dir') return fail(`${prefix}Not a directory\n`);
  sh.cwd = path;
  sh.env.set('PWD', path);
  return ok();
};

const id: Command = (sh) => {
  const u = sh.userName ? `${sh.user.uid}(${sh.userName})` : String(sh.user.uid);
  const g = sh.groupName ? `${sh.user.gid}(${sh.groupName})` : String(sh.user.gid);
  return ok(`uid=${u} gid=${g} groups=${g}\n`);
};

export const commands: Record<string, Command> = {
  echo: (_sh, args) => (args[0] === '-n' ? ok(args.slice(1).join(' ')) : ok(`${args.join(' ')}\n`)),
  pwd: (sh) => ok(`${sh.cwd}\n`),
  cd,
  ls,
  cat,
  env: (sh) => ok([...sh.env].map(([k, v]) => `${k}=${v}\n`).join('')),
  id,
  whoami: (sh) => (sh.userName ? ok(`${sh.userName}\n`) : fail(`whoami: cannot find name for user ID ${sh.user.uid}\n`)),
  hostname: (sh) => ok(`${sh.hostname}\n`),
  true: () => ok(),
  false: () => fail(''),
  clear: () => ok('\x1b[H\x1b[2J'),
  exit: (sh, args) => ({ out: '', code: args[0] !== undefined ? Number(args[0]) & 255 : sh.lastStatus, exit: true }),
};
