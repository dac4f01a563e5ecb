import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';

const CREDENTIAL_KEY = /(^|_)(PASS(WORD)?|PASSWD|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)($|_)/i;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

export const secretNotInEnv = defineRule({
  id: 'secret-not-in-env',
  title: 'Credentials are Rancher secrets, not environment variables',
  severity: 'warning',
  inputs: ['compose', 'upgrade'],
  rationale:
    'Environment values are stored in docker-compose.yml and shown by Rancher. A variable whose name looks like a credential and has a value (not a /run/secrets path, not a *_FILE variable) is a warning; a private key in a value is an error. Values are never printed.',
  sources: [
    { doc: 'L3', section: 'Secrets', quote: 'All sensitive data for a container, such as passwords and private certificates, should be stored in a Secret instead of in Docker environment variables' },
    { doc: 'BP18', section: 'Secrets', quote: 'as an environment variable (which is exposed in the docker-compose.yml file)' },
  ],
  remediation: 'Store the value as a Rancher secret and pass its path instead: KEY_FILE=/run/secrets/<filename>.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'password in env', input: { compose: composeYaml('db:\n  image: mongo:3.6\n  environment:\n    MONGO_INITDB_ROOT_PASSWORD: hunter2') }, expect: [{ path: '/services/db/environment/MONGO_INITDB_ROOT_PASSWORD', severity: 'warning' }] },
    {
      name: 'password file',
      input: { compose: composeYaml('db:\n  image: mongo:3.6\n  environment:\n    MONGO_INITDB_ROOT_PASSWORD_FILE: /run/secrets/mongo-initdb-password\n  secrets: [db.mystack.mongo-initdb-password]') },
      expect: [],
    },
    { name: 'list form', input: { compose: composeYaml('app:\n  image: python:3.7\n  environment:\n    - DEBUG=1\n    - API_KEY=abc123') }, expect: [{ path: '/services/app/environment/1', severity: 'warning' }] },
    { name: 'value from the shell', input: { compose: composeYaml('app:\n  image: python:3.7\n  environment:\n    - DB_PASSWORD') }, expect: [] },
    { name: 'private key', input: { compose: composeYaml('app:\n  image: python:3.7\n  environment:\n    TLS_CERT: "-----BEGIN RSA PRIVATE KEY-----\\nMIIB"') }, expect: [{ path: '/services/app/environment/TLS_CERT', severity: 'error' }] },
    { name: 'working directory PWD', input: { compose: composeYaml('app:\n  image: python:3.7\n  environment:\n    PWD: /app') }, expect: [] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const e of s.env) {
        if (!e.value) continue;
        const at = { input: s.input, path: e.path, service: s.name };
        if (PRIVATE_KEY.test(e.value)) {
          out.push({ ...at, severity: 'error', message: `${e.key} contains a private key; store it as a Rancher secret and read it from /run/secrets/<filename>.` });
        } else if (
          CREDENTIAL_KEY.test(e.key) &&
          // The shell's working directory, not a password.
          e.key.toUpperCase() !== 'PWD' &&
          !/_FILE$/i.test(e.key) &&
          !e.value.startsWith('/run/secrets/')
        ) {
          out.push({ ...at, message: `${e.key} looks like a credential; store it as a Rancher secret and pass its path (${e.key}_FILE=/run/secrets/<filename>).` });
        }
      }
    }
    return out;
  },
});
