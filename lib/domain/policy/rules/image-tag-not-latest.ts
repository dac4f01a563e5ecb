import { composeYaml } from '../compose-yaml';
import { imageSites } from '../image-sites';
import { defineRule } from '../rule';

export const imageTagNotLatest = defineRule({
  id: 'image-tag-not-latest',
  title: 'Images are pinned to a version, not :latest',
  severity: 'warning',
  inputs: ['compose', 'upgrade', 'dockerfile'],
  rationale:
    'A node pulls :latest only when it does not have it cached, so replicas on different nodes can run different builds. No tag means :latest; a digest pins the image. A warning, not an error: NERSC\'s own lessons deploy :latest.',
  sources: [
    {
      doc: 'BP18',
      section: 'Be careful using the :latest tag',
      quote: 'We recommend using explict version numbers, such as :v1.2.3 or a date format such as :v20180809 instead of :latest, an that you update the tag for any changes.',
    },
  ],
  remediation: 'Tag every build with a version (:v1.2.3 or :v20180809) and use that tag.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'no tag', input: { compose: composeYaml('db:\n  image: mongo') }, expect: [{ path: '/services/db/image' }] },
    { name: 'explicit latest', input: { compose: composeYaml('web:\n  image: nginx:latest') }, expect: [{ path: '/services/web/image' }] },
    { name: 'registry port, no tag', input: { compose: composeYaml('web:\n  image: localhost:5000/app') }, expect: [{ path: '/services/web/image' }] },
    { name: 'version tag', input: { compose: composeYaml('web:\n  image: registry.spin.nersc.gov/elvis/spin-flask-demo-app:v2') }, expect: [] },
    { name: 'digest', input: { compose: composeYaml(`web:\n  image: nginx@sha256:${'a'.repeat(64)}`) }, expect: [] },
    { name: 'interpolated tag', input: { compose: composeYaml('web:\n  image: nginx:${NGINX_VERSION}') }, expect: [] },
    { name: 'Dockerfile FROM without tag', input: { dockerfile: 'FROM python\nFROM python:3.7-slim\n' }, expect: [{ path: '/instructions/0' }] },
  ],
  check(ctx) {
    return imageSites(ctx)
      .filter((s) => s.ref.effectiveTag === 'latest')
      .map((s) => ({
        input: s.input,
        path: s.path,
        service: s.service,
        message: `${s.raw} uses :latest; replicas on different nodes may run different builds. Pin a tag such as :v1.2.3 or :v20180809.`,
      }));
  },
});
