import { composeYaml } from '../compose-yaml';
import { imageSites } from '../image-sites';
import { defineRule } from '../rule';

export const imageDockerhubOfficial = defineRule({
  id: 'image-dockerhub-official',
  title: 'Docker Hub images are official images',
  severity: 'warning',
  inputs: ['compose', 'upgrade', 'dockerfile'],
  rationale:
    'Official Docker Hub images are maintained and patched by the projects themselves. An image under a user namespace should be rebuilt from an official base and pushed to the Spin registry. Namespaces listed in trustedHubNamespaces of .spin-policy.yml count as official.',
  sources: [
    { doc: 'BP18', section: 'Image Registry', quote: 'preferably only images produced by official projects will come from Docker Hub' },
    { doc: 'BP18', section: 'Choosing the best image source', quote: 'Are part of the official repositories, such as the Docker Hub Official Repositories' },
  ],
  remediation: 'Use an official image (mongo, nginx, python…) or build your own on one and push it to registry.spin.nersc.gov.',
  since: '2018-10',
  waivable: true,
  fixable: false,
  inferred: false,
  cases: [
    { name: 'user namespace', input: { compose: composeYaml('web:\n  image: someuser/flask-app:1.0') }, expect: [{ path: '/services/web/image' }] },
    { name: 'official image', input: { compose: composeYaml('db:\n  image: mongo:3.6') }, expect: [] },
    { name: 'explicit library namespace', input: { compose: composeYaml('db:\n  image: docker.io/library/mongo:3.6') }, expect: [] },
    { name: 'Spin registry is not Docker Hub', input: { compose: composeYaml('web:\n  image: registry.spin.nersc.gov/elvis/app:v1') }, expect: [] },
    { name: 'trusted namespace', input: { compose: composeYaml('lb:\n  image: rancher/lb-service-haproxy:v0.9.1'), trustedHubNamespaces: ['rancher'] }, expect: [] },
    { name: 'Dockerfile base', input: { dockerfile: 'FROM someuser/base:1\n' }, expect: [{ path: '/instructions/0' }] },
  ],
  check(ctx) {
    return imageSites(ctx)
      .filter((s) => s.ref.isDockerHub && !s.ref.isOfficial && !ctx.trustedHubNamespaces.includes(s.ref.namespace ?? ''))
      .map((s) => ({
        input: s.input,
        path: s.path,
        service: s.service,
        message: `${s.raw} is not a Docker Hub official image; use an official base or push your own build to registry.spin.nersc.gov.`,
      }));
  },
});
