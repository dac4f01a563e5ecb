import { describe, expect, it } from 'vitest';
import { upgradeDiff } from '@/lib/domain/audit/upgrade-diff';
import { buildUpgrade } from './build-upgrade';
import { changeLabel, formatDiffValue, summarizeChanges } from './diff-summary';
import { formStateFrom } from './upgrade-form-state';

describe('summarizeChanges', () => {
  it('says a tag change as the two tags and names each variable', () => {
    expect(
      summarizeChanges([
        { path: '/imageUuid', op: 'replace', before: 'docker:nginx:1.25', after: 'docker:nginx:1.27' },
        { path: '/environment/DEBUG', op: 'remove', before: '1' },
      ]),
    ).toBe('image 1.25 → 1.27; env DEBUG removed');
  });

  it('gives whole references when the image itself changes, and latest for no tag', () => {
    expect(summarizeChanges([{ path: '/imageUuid', op: 'replace', before: 'docker:nginx:1.25', after: 'docker:httpd' }])).toBe('image nginx:1.25 → httpd');
    expect(summarizeChanges([{ path: '/imageUuid', op: 'replace', before: 'docker:nginx:1.25', after: 'docker:nginx' }])).toBe('image 1.25 → latest');
  });

  it('says when nothing changes', () => {
    expect(summarizeChanges([])).toBe('no change');
  });
});

describe('changeLabel / formatDiffValue', () => {
  it('names fields as people know them', () => {
    expect(changeLabel('/labels/io.rancher.container.pull_image')).toBe('label io.rancher.container.pull_image');
    expect(changeLabel('/capAdd')).toBe('cap_add');
    expect(changeLabel('/privileged')).toBe('privileged');
    expect(changeLabel('/environment/A~1B')).toBe('env A/B');
  });

  it('prints images without docker: and other values as JSON', () => {
    expect(formatDiffValue('/imageUuid', 'docker:nginx:1.27')).toBe('nginx:1.27');
    expect(formatDiffValue('/command', ['a', 'b'])).toBe('["a","b"]');
    expect(formatDiffValue('/privileged', true)).toBe('true');
    expect(formatDiffValue('/environment/X', 'docker:literal')).toBe('docker:literal');
  });
});

// ux.md U2: the preview of a fixture change, field by field, with the secret value hidden.
describe('preview of foo-jgi-doe/web moving to nginx 1.27', () => {
  const current = { imageUuid: 'docker:nginx:1.15.12-alpine', environment: { DEBUG: '1', DB_PASSWORD: 'old-secret' }, labels: { 'io.rancher.container.pull_image': 'always' }, capDrop: ['ALL'] };

  it('lists each change and sums them up in one line', () => {
    const form = formStateFrom(current);
    const built = buildUpgrade(current, {
      ...form,
      tag: '1.27',
      env: [{ ...form.env[1]!, value: 'new-secret' }, { id: 'n', name: 'LOG_LEVEL', value: 'info' }],
      advanced: 'capDrop: [ALL]\nprivileged: true\n',
    });
    const changes = upgradeDiff(current, built.proposed);
    expect(changes).toEqual([
      { path: '/environment/DB_PASSWORD', op: 'replace', before: '[redacted]', after: '[redacted]' },
      { path: '/environment/DEBUG', op: 'remove', before: '1' },
      { path: '/environment/LOG_LEVEL', op: 'add', after: 'info' },
      { path: '/imageUuid', op: 'replace', before: 'docker:nginx:1.15.12-alpine', after: 'docker:nginx:1.27' },
      { path: '/privileged', op: 'add', after: true },
    ]);
    expect(summarizeChanges(changes)).toBe('env DB_PASSWORD changed; env DEBUG removed; env LOG_LEVEL added; image 1.15.12-alpine → 1.27; privileged added');
  });
});
