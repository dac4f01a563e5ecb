import { composeYaml } from '../compose-yaml';
import type { RawFinding } from '../finding';
import { defineRule } from '../rule';
import { labelValue } from '../service-spec';
import { addLabelFix } from '../spec-fixes';

export const PULL_IMAGE_LABEL = 'io.rancher.container.pull_image';

export const latestRequiresPullAlways = defineRule({
  id: 'latest-requires-pull-always',
  title: 'A :latest image carries io.rancher.container.pull_image: always',
  severity: 'warning',
  inputs: ['compose', 'upgrade'],
  rationale: 'Without the label a node keeps running whatever :latest it cached, possibly months old.',
  sources: [
    {
      doc: 'BP18',
      section: 'Be careful using the :latest tag',
      quote: 'If you do use :latest: in your service, you can also use the label io.rancher.container.pull_image: always to tell Docker to always pull the latest version your :latest image.',
    },
  ],
  remediation: 'Add the label io.rancher.container.pull_image: always, or pin a version.',
  since: '2018-10',
  waivable: true,
  fixable: true,
  inferred: false,
  cases: [
    { name: 'latest without the label', input: { compose: composeYaml('web:\n  image: nginx:latest') }, expect: [{ path: '/services/web/labels' }] },
    { name: 'latest with the label', input: { compose: composeYaml('web:\n  image: nginx:latest\n  labels:\n    io.rancher.container.pull_image: always') }, expect: [] },
    { name: 'label in list form', input: { compose: composeYaml('web:\n  image: nginx\n  labels:\n    - io.rancher.container.pull_image=always') }, expect: [] },
    { name: 'pinned tag', input: { compose: composeYaml('web:\n  image: nginx:1.15') }, expect: [] },
    { name: 'upgrade to latest', input: { current: { imageUuid: 'docker:nginx:1.15' }, proposed: { imageUuid: 'docker:nginx', labels: {} } }, expect: [{ path: '/proposed/labels' }] },
  ],
  check(ctx) {
    const out: RawFinding[] = [];
    for (const s of ctx.services) {
      if (s.imageRef?.effectiveTag !== 'latest' || labelValue(s, PULL_IMAGE_LABEL) === 'always') continue;
      out.push({
        input: s.input,
        path: s.fieldPath('labels'),
        service: s.name,
        message: 'A cached :latest image is not re-pulled. Add label io.rancher.container.pull_image: always, or pin a version.',
        fix: addLabelFix(s, PULL_IMAGE_LABEL, 'always'),
      });
    }
    return out;
  },
});
