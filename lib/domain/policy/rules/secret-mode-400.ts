import { composeYaml } from '../compose-yaml';
import { octal, RANCHER_DEFAULT_SECRET_MODE } from '../file-mode';
import type { JsonPatchOp, RawFinding } from '../finding';
import { pointer } from '../json-pointer';
import { defineRule } from '../rule';
import type { SecretEntry, ServiceSpec } from '../service-spec';

function modeFix(s: ServiceSpec, x: SecretEntry): JsonPatchOp[] {
  if (x.form === 'short') return [{ op: 'replace', path: x.path, value: { source: x.name, target: x.target, mode: '0400' } }];
  return [{ op: 'add', path: pointer(x.path, 'mode'), value: s.input === 'dockerCompose' ? '0400' : '400' }];
}

export const secretMode400 = defineRule({
  id: 'secret-mode-400',
  title: 'Secret files have mode 0400',
  severity: 'warning',
  inputs: ['compose', 'upgrade'],
  rationale:
    "Only the service's user should read a secret. Text modes are octal ('0400', '400'); a number is the mode's value, as Docker reads it (YAML 1.1 reads an unquoted 0400 as 256 = 0o400). A warning, since NERSC's own lesson uses '0444' (catalog §7 C4).",
  sources: [{ doc: 'BP18', section: 'Adding Secret to Container', quote: 'In general the file owner should match the UID that the service is running as, and the mode should be set to 400.' }],
  remediation: "Set mode: '0400' (quoted) on the secret.",
  since: '2018-10',
  waivable: true,
  fixable: true,
  inferred: false,
  cases: [
    { name: 'L3 mode 0444', input: { compose: composeYaml("db:\n  image: mongo:3.6\n  secrets:\n    - source: db.mystack.mongo-initdb-password\n      target: mongo-initdb-password\n      mode: '0444'\n      uid: '0'\n      gid: '0'") }, expect: [{ path: '/services/db/secrets/0' }] },
    { name: "mode '0400'", input: { compose: composeYaml("db:\n  image: mongo:3.6\n  user: '46311'\n  secrets:\n    - source: db.mystack.mongo-initdb-password\n      mode: '0400'\n      uid: '46311'") }, expect: [] },
    { name: 'unquoted 0400 (YAML 1.1 octal)', input: { compose: composeYaml('db:\n  image: mongo:3.6\n  secrets:\n    - source: db.mystack.pw\n      mode: 0400') }, expect: [] },
    { name: 'no mode', input: { compose: composeYaml('db:\n  image: mongo:3.6\n  secrets: [db.mystack.pw]') }, expect: [{ path: '/services/db/secrets/0' }] },
    { name: 'launchConfig "400"', input: { current: { imageUuid: 'docker:mysql:5.7' }, proposed: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'pw', mode: '400', uid: '0' }] } }, expect: [] },
    { name: 'launchConfig 256', input: { current: { imageUuid: 'docker:mysql:5.7' }, proposed: { imageUuid: 'docker:mysql:5.7', secrets: [{ secretId: '1se3', name: 'pw', mode: 256 }] } }, expect: [] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      for (const x of s.secrets) {
        if (x.mode === 0o400) continue;
        const label = x.name ?? x.target ?? x.secretId ?? '';
        const mode = x.mode ?? RANCHER_DEFAULT_SECRET_MODE;
        const message =
          (mode & 0o077) !== 0
            ? `Secret ${label} is readable by group/others (mode ${octal(mode)}${x.mode === null ? ', the default' : ''}); use 0400.`
            : `Secret ${label} has mode ${octal(mode)}; use 0400.`;
        out.push({ input: s.input, path: x.path, service: s.name, message, fix: modeFix(s, x) });
      }
    }
    return out;
  },
});
