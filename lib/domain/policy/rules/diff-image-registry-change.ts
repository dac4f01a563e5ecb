import { imageSource } from '../image-ref';
import { defineRule } from '../rule';

export const diffImageRegistryChange = defineRule({
  id: 'diff-image-registry-change',
  title: 'A change of image source is shown',
  severity: 'warning',
  inputs: ['upgrade'],
  rationale: 'Upgrading to a new version of the same image is routine; switching to another repository or registry runs different software from a different publisher. A tag-only change is not reported.',
  sources: [{ doc: 'BP18', section: 'Image Registry', quote: 'Local images for Spin must be stored in the associated registry service … or come from directly from Docker Hub' }],
  remediation: 'Make sure the new image is the one you mean to run.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'other repository', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:registry.spin.nersc.gov/elvis/nginx:1.15' } }, expect: [{ path: '/proposed/imageUuid' }] },
    { name: 'tag only', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:docker.io/library/nginx:1.16' } }, expect: [] },
  ],
  check(ctx) {
    const u = ctx.upgrade;
    const a = u?.current.imageRef;
    const b = u?.proposed.imageRef;
    if (!u || !a || !b || a.hostUnknown || b.hostUnknown || imageSource(a) === imageSource(b)) return [];
    return [
      {
        input: 'proposed',
        path: u.proposed.fieldPath('image'),
        service: u.service,
        message: `Image source changes from ${imageSource(a)} to ${imageSource(b)}.`,
        details: { before: a.raw, after: b.raw },
      },
    ];
  },
});
