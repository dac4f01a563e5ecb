import { defineRule } from '../rule';

export const diffImageTagReused = defineRule({
  id: 'diff-image-tag-reused',
  title: 'An upgrade to the same image tag re-pulls it',
  severity: 'info',
  inputs: ['upgrade'],
  rationale: "Upgrade pulls a fresh copy of the image even when nothing changed, while a restart on the same node may keep the cached one: reusing a tag makes replicas drift.",
  sources: [
    { doc: 'BP18', section: 'Pulling an updated image from registry on restart', quote: "If the 'Upgrade' operation is performed, Rancher will pull a fresh copy of the image from the registry even if no properties have changed." },
    { doc: 'BP18', section: 'Be careful using the :latest tag', quote: 'Note that if you update an image, and re-use a version tag, Docker will still use the cached image on the node.' },
  ],
  remediation: 'Give every build a new tag and upgrade to it.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'same tag', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', environment: { A: '1' } } }, expect: [{ path: '/proposed/imageUuid' }] },
    { name: 'new tag', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.16' } }, expect: [] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    if (!u?.current.image || !u.proposed.image || u.current.image.value !== u.proposed.image.value) return [];
    return [
      {
        input: 'proposed',
        path: u.proposed.image.path,
        service: u.service,
        message: `Same image tag: Upgrade pulls a fresh copy of ${u.proposed.image.value} even with no changes (BP18 §Pulling an updated image); restarts on the same node may not.`,
      },
    ];
  },
});
