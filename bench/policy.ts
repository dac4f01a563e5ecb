// `npm run bench -- policy`: how long the policy check of a parsed 20-service stack takes (median),
// how many compose files per second a batch run parses and checks (in process, and through the CLI),
// and the ratio of a full check (parse + rules) to parsing the same YAML alone with the same library.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkPolicy } from '../lib/domain/policy/check';
import { parseYamlSource, type YamlSource } from '../lib/domain/policy/yaml-source';

const ROLES = ['web', 'app', 'api', 'db', 'kv', 'util', 'lb'];

/** One service in the shape of the NERSC lessons, varied by index so no two are identical. */
function service(stack: string, i: number): string {
  const name = `${ROLES[i % ROLES.length]}-${i}`;
  const lines = [
    `  ${name}:`,
    `    image: registry.spin.nersc.gov/${stack}/${name}:v2019.05.${i}`,
    `    user: '${46000 + i}:75137'`,
    '    cap_drop: [ALL]',
    i % 3 === 0 && i % 4 !== 0 ? '    cap_add: [CHOWN, SETGID, SETUID]' : '',
    '    environment:',
    `      LOG_LEVEL: ${i % 2 ? 'info' : 'debug'}`,
    `      DB_HOST: db-${i}`,
    `      DB_PASSWORD_FILE: /run/secrets/db_password`,
    `      WORKERS: '${i + 2}'`,
    '    labels:',
    '      io.rancher.container.pull_image: always',
    `      io.rancher.scheduler.affinity:host_label: spin.role=${ROLES[i % ROLES.length]}`,
    '    volumes:',
    `      - ${name}.${stack}:/data`,
    i % 4 === 0 ? `      - /global/project/projectdirs/m1/spin/${stack}/${name}:/srv:ro` : '',
    i % 5 === 0 ? `    ports: ['${60000 + i}:8080']` : '',
    '    secrets:',
    `      - source: ${stack}.db_password`,
    '        target: db_password',
    `        uid: '${46000 + i}'`,
    "        mode: '0400'",
  ];
  return lines.filter(Boolean).join('\n');
}

function stackYaml(stack: string, services: number): string {
  const names = Array.from({ length: services }, (_, i) => i);
  const volumes = names.map((i) => `  ${ROLES[i % ROLES.length]}-${i}.${stack}:\n    driver: rancher-nfs`).join('\n');
  return `version: '2'\nservices:\n${names.map((i) => service(stack, i)).join('\n')}\nvolumes:\n${volumes}\n`;
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * Median wall time of one call of each function in microseconds, and its mean CPU time. The calls
 * are interleaved (a, b, c, a, b, c, …) so that on a shared machine every function meets the same
 * load, which keeps the ratio between them meaningful; CPU time is the steadier figure of the work.
 */
function measure(fns: readonly (() => unknown)[], runs: number): { medianUs: number; cpuUs: number }[] {
  for (let i = 0; i < Math.min(100, runs); i++) for (const fn of fns) fn();
  const samples = fns.map(() => [] as number[]);
  const cpu = fns.map(() => 0);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      fn();
      (samples[k] as number[]).push(Number(process.hrtime.bigint() - t) / 1000);
      const used = process.cpuUsage(c);
      cpu[k] = (cpu[k] as number) + used.user + used.system;
    });
  }
  return fns.map((_, k) => ({ medianUs: median(samples[k] as number[]), cpuUs: (cpu[k] as number) / runs }));
}

const YAML_11 = { version: '1.1', merge: true } as const;
const big = stackYaml('bench-stack', 20);
const parsed = parseYamlSource(big);
if (!parsed.ok) throw new Error(parsed.error.message);
const source: YamlSource = parsed.source;
const sanity = checkPolicy({ compose: big, stackName: 'bench-stack' });
if (sanity.summary.errors + sanity.summary.warnings !== 0) throw new Error(`the bench stack should pass: ${JSON.stringify(sanity.findings[0])}`);

type Timing = { medianUs: number; cpuUs: number };
// The rules alone, in their own loop: interleaved with parsing they would pay for its garbage collection.
const [rulesOnly] = measure([() => checkPolicy({ parsed: { compose: source }, stackName: 'bench-stack' })], 3000) as [Timing];
const [parseOnly, full] = measure([() => parse(big, YAML_11), () => checkPolicy({ compose: big, stackName: 'bench-stack' })], 1000) as [Timing, Timing];

// Batch: distinct stacks of 2 to 6 services, each parsed and checked from its text.
const BATCH = 2000;
const batch = Array.from({ length: BATCH }, (_, i) => stackYaml(`stack-${i}`, 2 + (i % 5)));
for (const text of batch.slice(0, 100)) checkPolicy({ compose: text });
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let errors = 0;
for (let i = 0; i < BATCH; i++) errors += checkPolicy({ compose: batch[i] as string, stackName: `stack-${i}` }).summary.errors;
const batchCpu = process.cpuUsage(cpu0);
const batchSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
if (errors !== 0) throw new Error('batch stacks should pass');

// The CLI on a directory of 1,000 stacks, start-up included.
const dir = mkdtempSync(join(tmpdir(), 'spin-policy-bench-'));
const CLI_FILES = 1000;
for (let i = 0; i < CLI_FILES; i++) {
  mkdirSync(join(dir, `stack-${i}`));
  writeFileSync(join(dir, `stack-${i}`, 'docker-compose.yml'), batch[i] as string);
}
const bin = fileURLToPath(new URL('../bin/spin-policy.mjs', import.meta.url));
const c0 = process.hrtime.bigint();
const cli = spawnSync(process.execPath, [bin, 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const cliSeconds = Number(process.hrtime.bigint() - c0) / 1e9;
rmSync(dir, { recursive: true, force: true });
if (cli.status !== 0) throw new Error(`spin-policy exited ${cli.status}: ${cli.stderr}`);

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const load = round(loadavg()[0] ?? 0, 2);
console.log(`machine: ${availableParallelism()} cores, load average ${load} (wall times grow with load; CPU times much less)`);
console.log(
  `20-service stack (${big.split('\n').length} lines), median wall / mean CPU per call: YAML parse ${round(parseOnly.medianUs)} / ${round(parseOnly.cpuUs)} µs, ` +
    `policy check of the parsed stack ${round(rulesOnly.medianUs)} / ${round(rulesOnly.cpuUs)} µs, parse + check ${round(full.medianUs)} / ${round(full.cpuUs)} µs`,
);
console.log(`batch: ${BATCH} stacks of 2-6 services parsed and checked in ${round(batchSeconds, 3)} s (${round((batchCpu.user + batchCpu.system) / 1e6, 3)} s CPU)`);
console.log(`CLI: spin-policy check on a directory of ${CLI_FILES} stacks took ${round(cliSeconds, 3)} s including start-up`);
console.log(
  JSON.stringify({
    bench: 'policy',
    services: 20,
    parse_us_median: round(parseOnly.medianUs),
    check_us_median: round(rulesOnly.medianUs),
    check_cpu_us: round(rulesOnly.cpuUs),
    parse_and_check_us_median: round(full.medianUs),
    batch_files_per_s: Math.round(BATCH / batchSeconds),
    batch_files_per_cpu_s: Math.round(BATCH / ((batchCpu.user + batchCpu.system) / 1e6)),
    cli_files_per_s: Math.round(CLI_FILES / cliSeconds),
    load_average: load,
    ratio: round(full.medianUs / parseOnly.medianUs, 2),
  }),
);
