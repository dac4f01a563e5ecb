import { composeYaml } from '../compose-yaml';
import { defineRule } from '../rule';
import type { MountEntry, ServiceSpec } from '../service-spec';

/** Global Filesystem mounts that are new: all of them on create, the added ones on an upgrade. */
export function newExternalMounts(current: ServiceSpec | null, proposed: ServiceSpec): MountEntry[] {
  const before = new Set(current?.externalMounts.map((m) => m.hostPath) ?? []);
  return proposed.externalMounts.filter((m) => !before.has(m.hostPath));
}

export const externalFsOXReminder = defineRule({
  id: 'external-fs-o-x-reminder',
  title: 'Directories above a Global Filesystem mount are o+x',
  severity: 'info',
  inputs: ['compose', 'upgrade'],
  rationale: 'The Docker daemon mounts /global paths as other; every parent directory needs the execute bit for other. The checker cannot see file modes, so it reminds when a mount is new.',
  sources: [
    {
      doc: 'BP18',
      section: 'Global File System / GPFS',
      quote: "The filesystem must have the execution bit set for 'other' (o+x) on parent directories all of the way down to the mount point … permission mode 0741 would work on a parent directory, but 0740 would not.",
    },
    { doc: 'TE', section: 'Is your directory set to o+x?', quote: 'mkdir … permission denied' },
  ],
  remediation: 'Run chmod o+x on every directory from /global down to the mounted one.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'new mount', input: { compose: composeYaml("app:\n  image: python:3.7\n  volumes: ['/global/project/projectdirs/m1/spin/app:/data:ro']") }, expect: [{ path: '/services/app/volumes/0' }] },
    { name: 'named volume', input: { compose: composeYaml("app:\n  image: python:3.7\n  volumes: ['app.mystack:/data']") }, expect: [] },
    {
      name: 'upgrade keeps the mount',
      input: { current: { imageUuid: 'docker:python:3.7', dataVolumes: ['/global/project/projectdirs/m1/spin/app:/data:ro'] }, proposed: { imageUuid: 'docker:python:3.8', dataVolumes: ['/global/project/projectdirs/m1/spin/app:/data:ro'] } },
      expect: [],
    },
  ],
  check(ctx) {
    const specs = ctx.upgrade ? [{ current: ctx.upgrade.current, proposed: ctx.upgrade.proposed }] : ctx.services.map((s) => ({ current: null, proposed: s }));
    return specs.flatMap(({ current, proposed }) =>
      newExternalMounts(current, proposed).map((m) => ({
        input: proposed.input,
        path: m.path,
        service: proposed.name,
        message: `Every directory from /global down to ${m.hostPath} needs o+x or the mount fails with 'permission denied'.`,
      })),
    );
  },
});
