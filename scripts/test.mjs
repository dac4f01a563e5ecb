#!/usr/bin/env node
// `npm test`: install what is missing (Debian packages, npm packages) and nothing else, then lint, type
// check, unit and integration tests (vitest) and end-to-end tests (Playwright in Debian's Chromium).
// Every stage runs even when an earlier one failed, so one run reports everything; the last line sums
// every runner as "N passed, N failed" and the exit code is non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const reports = mkdtempSync(join(tmpdir(), 'spin-portal-test-reports-'));
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.stdout.isTTY ? '1' : '0' };

const debianPackages = [
  { name: 'slapd', present: () => existsSync('/usr/sbin/slapd') },
  { name: 'ldap-utils', present: () => existsSync('/usr/bin/ldapsearch') },
  { name: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { name: 'postgresql', present: () => existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) },
  { name: 'openssl', present: () => existsSync('/usr/bin/openssl') },
  { name: 'curl', present: () => existsSync('/usr/bin/curl') },
];

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function heading(text) {
  process.stdout.write(`\n=== ${text} ===\n`);
}

function installDebianPackages() {
  const missing = debianPackages.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`These Debian packages are needed by the tests: ${missing.join(' ')}\nInstall them (as root: apt-get install -y ${missing.join(' ')}) and run npm test again.`);
    process.exit(1);
  }
  heading(`installing Debian packages: ${missing.join(' ')}`);
  const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-q'], aptEnv) !== 0 || run('apt-get', ['install', '-y', '-q', ...missing], aptEnv) !== 0) {
    console.error(`apt-get could not install ${missing.join(' ')}`);
    process.exit(1);
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function record(name, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  stages.push({ name, passed, failed, skipped });
}

/** A check with no test count of its own (lint, type check, build) counts as one test. */
function check(name, command, args) {
  heading(name);
  const ok = run(command, args) === 0;
  record(name, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitest(project) {
  heading(`vitest: ${project}`);
  const output = join(reports, `vitest-${project}.json`);
  const status = run(join(root, 'node_modules/.bin/vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  const report = readJson(output);
  if (!report) return record(`vitest ${project}`, 0, 1);
  const pending = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A crashed file or an error outside any test fails the run even when every test passed.
  const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  record(`vitest ${project}`, report.numPassedTests, failed, pending);
}

function playwright() {
  heading('playwright (Chromium)');
  const output = join(reports, 'playwright.json');
  const status = run(join(root, 'node_modules/.bin/playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const stats = readJson(output)?.stats;
  if (!stats) return record('playwright', 0, 1);
  const failed = stats.unexpected + stats.flaky + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  record('playwright', stats.expected, failed, stats.skipped);
}

installDebianPackages();
const start = await import(pathToFileURL(join(root, 'scripts/start.mjs')).href);
start.ensureInstalled();

check('eslint', join(root, 'node_modules/.bin/eslint'), ['.', '--max-warnings=0']);
check('typescript', join(root, 'node_modules/.bin/tsc'), ['--noEmit']);
check('spin-policy on deploy/', process.execPath, [join(root, 'scripts/deploy-policy.mjs')]);
heading('build');
let built = true;
try {
  await start.ensureBuilt();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  built = false;
}
record('build', built ? 1 : 0, built ? 0 : 1);
vitest('unit');
vitest('component');
vitest('integration');
playwright();

rmSync(reports, { recursive: true, force: true });
heading('summary');
for (const s of stages) console.log(`${s.name.padEnd(20)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
