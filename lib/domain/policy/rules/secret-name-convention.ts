import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import { secretFilename } from '../secret-name';

export const secretNameConvention = defineRule({
  id: 'secret-name-convention',
  title: 'Secrets are named <service>.<stack>.<filename> or <stack>.<filename>',
  severity: 'warning',
  inputs: ['compose', 'upgrade', 'stack'],
  rationale:
    'The name ties a secret to its stack and service, which makes clean-up and support possible. Checked against the real stack and service names; a launchConfig secret whose id the portal could not resolve is reported once as info. When the portal knows the secret\'s description, one without owner:<username> is reported as info.',
  sources: [
    { doc: 'BP18', section: 'Naming Convention for Secrets', quote: 'Secrets used for a single service should be named: <service name>.<stack name>.<filename>' },
    { doc: 'BP18', section: 'Multi-Service Secret Naming', quote: 'If the secret is used by a number of services within the stack, the service part of the name can be dropped. Leaving the secret name as: <stack name>.<filename>' },
    { doc: 'L3', section: 'Secrets', quote: 'Secrets must be named in the … format [service name].[stack name].[filename]' },
    { doc: 'BP18', section: 'Secret Description', quote: 'When creating a secret, the description should always indicate the secret’s owner, by adding owner:<nersc username> to the description field.' },
  ],
  remediation: 'Ask ISG to create the secret as <service>.<stack>.<filename> (or <stack>.<filename> when shared) and refer to it by that name.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'bare name', input: { stackName: 'myportal', compose: composeYaml('db:\n  image: mysql:5.7\n  secrets:\n    - source: mysql_pw\n      target: mysql_pw') }, expect: [{ path: '/services/db/secrets/0' }] },
    { name: 'service secret', input: { stackName: 'myportal', compose: composeYaml('db:\n  image: mysql:5.7\n  secrets:\n    - source: db.myportal.mysql_password\n      target: mysql_password') }, expect: [] },
    { name: 'shared secret', input: { stackName: 'myportal', compose: composeYaml('app:\n  image: python:3.7\n  secrets: [myportal.private_key]') }, expect: [] },
    { name: 'dash filename with dots', input: { stackName: 'mystack', compose: composeYaml('db:\n  image: mongo:3.6\n  secrets: [db.mystack.mongo-initdb-password.txt]') }, expect: [] },
    { name: 'another stack', input: { stackName: 'myportal', compose: composeYaml('db:\n  image: mysql:5.7\n  secrets: [db.otherportal.mysql_password]') }, expect: [{ path: '/services/db/secrets/0' }] },
    { name: 'no stack name', input: { compose: composeYaml('db:\n  image: mysql:5.7\n  secrets: [mysql_pw]') }, expect: [] },
    {
      name: 'unresolved launchConfig secret',
      input: { stackName: 'myportal', service: 'db', current: { imageUuid: 'docker:mysql:5.7' }, proposed: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'mysql_password' }] } },
      expect: [{ path: '/proposed/secrets', severity: 'info' }],
    },
    {
      name: 'description without owner',
      input: { stackName: 'myportal', secretDescriptions: { 'db.myportal.mysql_password': 'MySQL password' }, compose: composeYaml('db:\n  image: mysql:5.7\n  secrets: [db.myportal.mysql_password]') },
      expect: [{ path: '/services/db/secrets/0', severity: 'info' }],
    },
    {
      name: 'description with owner',
      input: { stackName: 'myportal', secretDescriptions: { 'db.myportal.mysql_password': 'MySQL password, owner:fred' }, compose: composeYaml('db:\n  image: mysql:5.7\n  secrets: [db.myportal.mysql_password]') },
      expect: [],
    },
    {
      name: 'resolved launchConfig secret',
      input: { stackName: 'myportal', service: 'db', secretNames: { '1se3': 'db.myportal.mysql_password' }, current: { imageUuid: 'docker:mysql:5.7' }, proposed: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'mysql_password' }] } },
      expect: [],
    },
  ],
  check(ctx) {
    const stack = ctx.stack.name;
    if (!stack) return [];
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      const unresolved = s.secrets.filter((x) => x.name === null).map((x) => x.secretId ?? '?');
      if (unresolved.length > 0) {
        out.push({ input: s.input, path: s.fieldPath('secrets'), service: s.name, severity: 'info', message: `The names of secrets ${unresolved.join(', ')} are unknown, so their naming was not checked.` });
      }
      for (const x of s.secrets) {
        if (x.name === null) continue;
        if (secretFilename(x.name, s.name, stack) === null) {
          out.push({ input: s.input, path: x.path, service: s.name, message: `Name secret ${x.name} as ${s.name}.${stack}.<filename> (or ${stack}.<filename> if shared).` });
        }
        const description = ctx.secretDescriptions[x.name];
        if (description !== undefined && !/\bowner:\s*[a-z][a-z0-9_]*/i.test(description)) {
          out.push({ input: s.input, path: x.path, service: s.name, severity: 'info', message: `Add owner:<NERSC username> to the description of secret ${x.name}.` });
        }
      }
    }
    return out;
  },
});
