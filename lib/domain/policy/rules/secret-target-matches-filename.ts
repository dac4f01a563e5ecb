import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { pointer } from '../json-pointer';
import { defineRule } from '../rule';
import { secretFilename } from '../secret-name';

export const secretTargetMatchesFilename = defineRule({
  id: 'secret-target-matches-filename',
  title: 'A secret is mounted under its filename',
  severity: 'warning',
  inputs: ['compose', 'upgrade'],
  rationale: 'The "As Name" (compose target, launchConfig name) decides the file under /run/secrets; it should be the <filename> part of the secret name so the two never drift.',
  sources: [{ doc: 'BP18', section: 'Adding Secret to Container', quote: "Set 'As Name' to the filename component of the secret name." }],
  remediation: 'Set target (As Name) to the filename part of the secret name.',
  since: '2018-10',
  waivable: true,
  fixable: true,
  inferred: false,
  cases: [
    { name: 'other target', input: { stackName: 'myportal', compose: composeYaml('db:\n  image: mysql:5.7\n  secrets:\n    - source: db.myportal.mysql_password\n      target: pw') }, expect: [{ path: '/services/db/secrets/0' }] },
    { name: 'filename target', input: { stackName: 'myportal', compose: composeYaml('db:\n  image: mysql:5.7\n  secrets:\n    - source: db.myportal.mysql_password\n      target: mysql_password') }, expect: [] },
    { name: 'short form mounts the whole name', input: { stackName: 'myportal', compose: composeYaml('db:\n  image: mysql:5.7\n  secrets: [db.myportal.mysql_password]') }, expect: [{ path: '/services/db/secrets/0' }] },
  ],
  check(ctx) {
    const stack = ctx.stack.name;
    if (!stack) return [];
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const x of s.secrets) {
        const filename = x.name === null ? null : secretFilename(x.name, s.name, stack);
        if (filename === null || x.target === null || x.target === filename) continue;
        out.push({
          input: s.input,
          path: x.path,
          service: s.name,
          message: `Mount ${x.name} as /run/secrets/${filename}.`,
          // RFC 6902 `add` sets a member whether or not it exists; a short entry becomes a map.
          fix:
            x.form === 'short'
              ? [{ op: 'replace', path: x.path, value: { source: x.name, target: filename } }]
              : [{ op: 'add', path: pointer(x.path, s.input === 'dockerCompose' ? 'target' : 'name'), value: filename }],
        });
      }
    }
    return out;
  },
});
