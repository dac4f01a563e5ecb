import { composeYaml } from '../compose-yaml';
import { dockerfileCreates, dockerfileUser } from '../dockerfile';
import type { PolicyInputName, RawFinding } from '../finding';
import { defineRule } from '../rule';

/** Accounts every Debian, Alpine and CentOS base image already has. */
const BASE_IMAGE_ACCOUNTS: ReadonlySet<string> = new Set(['root', 'daemon', 'bin', 'sys', 'adm', 'nobody', 'nogroup', 'users', 'staff', 'wheel', 'www-data']);

export const dockerfileUserGroupDefined = defineRule({
  id: 'dockerfile-user-group-defined',
  title: 'The image creates the named user and group the service runs as',
  severity: 'warning',
  inputs: ['dockerfile', 'compose', 'upgrade'],
  rationale:
    'A container started as a user or group name that its image does not define fails to start. Only checked when the Dockerfile of the service is given; numeric ids and accounts every base image has are not checked.',
  sources: [
    {
      doc: 'BP18',
      section: 'Permissions, UID and GID Considerations',
      quote: 'Images that will be run as a different user or group will need RUN statements as shown in the following example to prepare the image with the necessary group and user definitions.',
    },
  ],
  remediation: 'Add RUN groupadd -g <gid> <group> && useradd -u <uid> -g <gid> <user> to the Dockerfile, or use numeric uid:gid.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    {
      name: 'group not created',
      input: { compose: composeYaml('app:\n  image: registry.spin.nersc.gov/genome/app:v1\n  user: c_flintstones:genome'), dockerfile: 'FROM debian:9.5\nRUN useradd -u 501 c_flintstones\n', dockerfileService: 'app' },
      expect: [{ path: '/services/app/user' }],
    },
    {
      name: 'BP18 example',
      input: {
        compose: composeYaml('app:\n  image: registry.spin.nersc.gov/genome/app:v1\n  user: c_flintstones:genome'),
        dockerfile: "FROM debian:9.5\nRUN groupadd -g 124 genome && \\\n  useradd -u 501 -g 124 -c 'Collaboration Account' c_flintstones\n",
        dockerfileService: 'app',
      },
      expect: [],
    },
    { name: 'Dockerfile USER without useradd', input: { dockerfile: 'FROM debian:9.5\nUSER appuser\n' }, expect: [{ path: '/instructions/1' }] },
    { name: 'numeric ids', input: { compose: composeYaml('app:\n  image: registry.spin.nersc.gov/genome/app:v1\n  user: "501:124"'), dockerfile: 'FROM debian:9.5\n', dockerfileService: 'app' }, expect: [] },
  ],
  check(ctx) {
    const df = ctx.dockerfile;
    if (!df) return [];
    const out: RawFinding[] = [];
    const need = (kind: 'user' | 'group', name: string | null, input: PolicyInputName, path: string, service?: string) => {
      if (name === null || /^\d+$/.test(name) || BASE_IMAGE_ACCOUNTS.has(name) || dockerfileCreates(df.doc, kind, name)) return;
      out.push({ input, path, service, message: `The image must create ${kind} ${name} (RUN ${kind === 'user' ? 'useradd' : 'groupadd'}) before ${service ?? 'the container'} can run as it.` });
    };
    const own = dockerfileUser(df.doc);
    if (own) {
      const path = `/instructions/${own.instruction.index}`;
      need('user', own.user, 'dockerfile', path);
      need('group', own.group, 'dockerfile', path);
    }
    const spec = ctx.services.find((s) => s.name === df.service);
    if (spec?.user) {
      need('user', spec.user.spec.user, spec.input, spec.user.path, spec.name);
      need('group', spec.user.spec.group, spec.input, spec.user.path, spec.name);
    }
    for (const g of spec?.groupAdd ?? []) need('group', g.value, spec?.input ?? 'dockerCompose', g.path, spec?.name);
    return out;
  },
});
