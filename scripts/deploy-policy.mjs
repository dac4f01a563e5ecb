#!/usr/bin/env node
// The portal's own Spin files must pass its own policy with no finding at all: `npm test` runs
// spin-policy on deploy/ (compose pair, stack tags, Dockerfile) under both profiles and fails on any
// error, warning or info. An info is a recommendation too (owner tag, naming); one the team decides
// not to follow goes into deploy/.spin-policy.yml as a waiver with a reason and an expiry, and a
// waived finding is the only kind that passes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const deployStack = 'spin-portal-nersc';
const profiles = ['2019-05', '2018-10'];

/** The arguments `npx spin-policy` gets for deploy/, as docs/operating.md shows them. */
export function deployPolicyArgs(profile) {
  const stackTags = readFileSync(join(root, 'deploy/stack-tags'), 'utf8').trim();
  return [
    'check', join(root, 'deploy/docker-compose.yml'),
    '--rancher-compose', join(root, 'deploy/rancher-compose.yml'),
    '--stack', deployStack,
    '--stack-tags', stackTags,
    '--dockerfile', join(root, 'deploy/Dockerfile'),
    '--dockerfile-service', 'web',
    '--profile', profile,
    '--format', 'json',
  ];
}

/** Findings that fail the check: everything but waived findings. */
export function blockingFindings(report) {
  return report.findings.filter((f) => !f.waived);
}

/** Runs the check under every profile; returns the problems found (empty: pass). */
export function checkDeployFiles() {
  const problems = [];
  for (const profile of profiles) {
    const result = spawnSync(process.execPath, [join(root, 'bin/spin-policy.mjs'), ...deployPolicyArgs(profile)], { cwd: root, encoding: 'utf8' });
    let report;
    try {
      report = JSON.parse(result.stdout);
    } catch {
      problems.push(`profile ${profile}: spin-policy exited ${result.status} without a report: ${result.stderr.trim()}`);
      continue;
    }
    for (const f of blockingFindings(report)) problems.push(`profile ${profile}: ${f.severity} ${f.ruleId} ${f.file ?? ''}:${f.line ?? '?'} ${f.message}`);
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkDeployFiles();
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? `deploy/: no spin-policy finding (profiles ${profiles.join(', ')})` : `deploy/: ${problems.length} finding(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
