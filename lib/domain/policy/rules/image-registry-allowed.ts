import { composeYaml } from '../compose-yaml';
import { imageSites } from '../image-sites';
import { defineRule } from '../rule';

export const SPIN_REGISTRY = 'registry.spin.nersc.gov';

export const imageRegistryAllowed = defineRule({
  id: 'image-registry-allowed',
  title: 'Images come from registry.spin.nersc.gov or Docker Hub',
  severity: 'error',
  inputs: ['compose', 'upgrade', 'dockerfile'],
  rationale:
    'Spin pulls images only from its own registry and from Docker Hub. The registry host is the first component of the image reference when it contains a dot or a colon or is localhost; anything else is Docker Hub.',
  sources: [
    {
      doc: 'BP18',
      section: 'Image Registry',
      quote:
        'Local images for Spin must be stored in the associated registry service, https://registry.spin.nersc.gov, or come from directly from Docker Hub (preferably only images produced by official projects will come from Docker Hub). No other registries may be used as the image source for Spin.',
    },
  ],
  remediation: 'Pull the image, tag it as registry.spin.nersc.gov/<team>/<name>:<version>, push it, and use that name.',
  since: '2018-10',
  waivable: false,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'quay.io', input: { compose: composeYaml('web:\n  image: quay.io/prometheus/node-exporter:v0.16.0') }, expect: [{ path: '/services/web/image' }] },
    { name: 'Spin registry', input: { compose: composeYaml('web:\n  image: registry.spin.nersc.gov/elvis/app:v1') }, expect: [] },
    { name: 'Docker Hub aliases', input: { compose: composeYaml('web:\n  image: docker.io/library/nginx:1.15\napp:\n  image: index.docker.io/library/python:3.7') }, expect: [] },
    { name: 'registry with a port', input: { compose: composeYaml('web:\n  image: localhost:5000/app:1') }, expect: [{ path: '/services/web/image' }] },
    { name: 'the later registry.nersc.gov', input: { compose: composeYaml('web:\n  image: registry.nersc.gov/m1/app:1') }, expect: [{ path: '/services/web/image' }] },
    { name: 'interpolated host is not guessed', input: { compose: composeYaml('web:\n  image: ${REGISTRY}/app:1') }, expect: [] },
    { name: 'upgrade to gcr.io', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:gcr.io/google/app:1' } }, expect: [{ path: '/proposed/imageUuid' }] },
    { name: 'Dockerfile FROM', input: { dockerfile: 'FROM quay.io/centos/centos:7\n' }, expect: [{ path: '/instructions/0' }] },
  ],
  check(ctx) {
    return imageSites(ctx)
      .filter((s) => !s.ref.hostUnknown && !s.ref.isDockerHub && s.ref.host !== SPIN_REGISTRY)
      .map((s) => ({
        input: s.input,
        path: s.path,
        service: s.service,
        message: `${s.raw} comes from ${s.ref.host}; Spin accepts only ${SPIN_REGISTRY} or Docker Hub. Push it to ${SPIN_REGISTRY}.`,
        details: { host: s.ref.host },
      }));
  },
});
