import { checkPolicy } from '../check';
import { composeYaml } from '../compose-yaml';
import type { PolicyRun } from './policy-run';

/** Two checked stacks with errors, warnings, info, a fix and a waived finding: input for reporter tests. */
export function sampleRuns(): PolicyRun[] {
  const web = checkPolicy({
    compose: composeYaml("web:\n  image: quay.io/team/web:1\n  cap_add: [SYS_ADMIN]\n  ports: ['22:2222', '60000:8080']\n  volumes: ['/global/project/projectdirs/m1/web:/srv']"),
    stackName: 'web-stack',
    stackTags: 'owner:fred',
    waivers: 'waivers:\n  - id: WG-7\n    rule: port-privileged-needs-review\n    service: web\n    reason: Approved by the Spin working group\n    expires: 2099-12-31\n',
    files: { compose: 'stacks/web stack/docker-compose.yml', waivers: 'stacks/web stack/.spin-policy.yml' },
  });
  const clean = checkPolicy({
    compose: composeYaml('db:\n  image: mysql:5.7\n  cap_drop: [ALL]'),
    stackName: 'db-stack',
    files: { compose: 'stacks/db/docker-compose.yml' },
  });
  return [
    { file: 'stacks/web stack/docker-compose.yml', result: web },
    { file: 'stacks/db/docker-compose.yml', result: clean },
  ];
}
