import { composeYaml } from '../compose-yaml';
import { defineRule } from '../rule';

export const composeNoBuild = defineRule({
  id: 'compose-no-build',
  title: 'Services use a pushed image, not build:',
  severity: 'error',
  inputs: ['compose', 'upgrade'],
  rationale: 'Spin has no build context: an image is built on a workstation, pushed to the registry, and only then run.',
  sources: [
    { doc: 'L1', section: 'Build, Ship, Run', quote: 'you will normally Build the image on your workstation, Ship it to the registry, and Run it in Spin' },
    { doc: 'L2', section: 'Ship your image', quote: 'images must be shipped (pushed) to the Spin registry before Spin can run them' },
  ],
  remediation: 'docker build and docker push the image to registry.spin.nersc.gov, then replace build: with image:.',
  since: '2018-10',
  waivable: false,
  fixable: false,
  inferred: true,
  cases: [
    { name: 'build context', input: { compose: composeYaml('web:\n  build: ./web') }, expect: [{ path: '/services/web/build' }] },
    { name: 'pushed image', input: { compose: composeYaml('web:\n  image: registry.spin.nersc.gov/elvis/web:v3') }, expect: [] },
    { name: 'launchConfig build', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx:1.15', build: { context: '.' } } }, expect: [{ path: '/proposed/build' }] },
  ],
  check(ctx) {
    return ctx.services
      .filter((s) => s.build !== null)
      .map((s) => ({
        input: s.input,
        path: s.build?.path ?? s.fieldPath('build'),
        service: s.name,
        message: `Spin cannot build images. Build ${s.name} locally, push it to registry.spin.nersc.gov and use image:.`,
      }));
  },
});
