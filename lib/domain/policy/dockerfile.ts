import { parseUserSpec, type UserSpec } from './user-spec';

export interface DockerfileInstruction {
  keyword: string;
  args: string;
  line: number;
  column: number;
  /** Index among all instructions: the pointer of a Dockerfile finding is `/instructions/<index>`. */
  index: number;
}

export interface DockerfileStage {
  from: DockerfileInstruction;
  /** Image after `ARG` defaults are substituted; null for `scratch` or another stage. */
  image: string | null;
  /** Name of the earlier stage this one starts from (`FROM build`). */
  parent: number | null;
  alias: string | null;
  instructions: DockerfileInstruction[];
}

export interface Dockerfile {
  instructions: DockerfileInstruction[];
  stages: DockerfileStage[];
}

/** Joins `\` continuations; comments and blank lines inside a continuation are skipped, as Docker does. */
function logicalLines(text: string): { text: string; line: number; column: number }[] {
  const out: { text: string; line: number; column: number }[] = [];
  let current: { text: string; line: number; column: number } | null = null;
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continued = /\\\s*$/.test(rawLine);
    const body = continued ? rawLine.replace(/\\\s*$/, '') : rawLine;
    if (current) current.text += ` ${body.trim()}`;
    else current = { text: body.trim(), line: i + 1, column: rawLine.length - rawLine.trimStart().length + 1 };
    if (!continued) {
      out.push(current);
      current = null;
    }
  });
  if (current) out.push(current);
  return out;
}

function substitute(s: string, args: ReadonlyMap<string, string>): string {
  return s.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (m, name: string) => args.get(name) ?? m);
}

/** Reads the instructions the policy needs (FROM, USER, RUN) and the stage structure. */
export function parseDockerfile(text: string): Dockerfile {
  const instructions: DockerfileInstruction[] = [];
  const stages: DockerfileStage[] = [];
  const globalArgs = new Map<string, string>();
  for (const l of logicalLines(text)) {
    const m = /^(\S+)\s*(.*)$/.exec(l.text);
    if (!m) continue;
    const ins: DockerfileInstruction = { keyword: (m[1] as string).toUpperCase(), args: (m[2] as string).trim(), line: l.line, column: l.column, index: instructions.length };
    instructions.push(ins);
    if (ins.keyword === 'ARG' && stages.length === 0) {
      const a = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(ins.args);
      if (a) globalArgs.set(a[1] as string, (a[2] as string).replace(/^["']|["']$/g, ''));
    }
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const ref = substitute(words[0] ?? '', globalArgs);
      const alias = words[1]?.toUpperCase() === 'AS' ? (words[2] ?? null) : null;
      const parent = stages.findIndex((s) => s.alias !== null && s.alias.toLowerCase() === ref.toLowerCase());
      const image = parent >= 0 || ref.toLowerCase() === 'scratch' || ref === '' ? null : ref;
      stages.push({ from: ins, image, parent: parent >= 0 ? parent : null, alias, instructions: [] });
    } else stages[stages.length - 1]?.instructions.push(ins);
  }
  return { instructions, stages };
}

/** Instructions that shape the final image: the last stage and the stages it was built from. */
export function finalImageInstructions(df: Dockerfile): DockerfileInstruction[] {
  const chain: DockerfileStage[] = [];
  let stage = df.stages[df.stages.length - 1];
  while (stage && !chain.includes(stage)) {
    chain.unshift(stage);
    stage = stage.parent === null ? undefined : df.stages[stage.parent];
  }
  return chain.flatMap((s) => s.instructions);
}

/** The final image's user: its last `USER`; null when none (the base image's default). */
export function dockerfileUser(df: Dockerfile): (UserSpec & { instruction: DockerfileInstruction }) | null {
  const users = finalImageInstructions(df).filter((i) => i.keyword === 'USER');
  const last = users[users.length - 1];
  if (!last) return null;
  const r = parseUserSpec(last.args);
  return r.ok ? { ...r.spec, instruction: last } : null;
}

/** Whether a RUN of the final image creates the user or group (useradd/adduser, groupadd/addgroup). */
export function dockerfileCreates(df: Dockerfile, kind: 'user' | 'group', name: string): boolean {
  const tools = kind === 'user' ? /\b(useradd|adduser)\b/ : /\b(groupadd|addgroup)\b/;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return finalImageInstructions(df).some((i) => {
    if (i.keyword !== 'RUN') return false;
    // Each command of a `&&` chain is checked alone, so `groupadd genome && useradd x` creates no user genome.
    return i.args.split(/&&|;|\|\|/).some((cmd) => tools.test(cmd) && new RegExp(`(^|\\s)${escaped}(\\s|$)`).test(cmd.trim()));
  });
}
