import { describe, expect, it } from 'vitest';
import { exitCodeFor, formatFindings, type DeployOutcome } from './deploy-result';

describe('exitCodeFor', () => {
  it.each<[DeployOutcome, number]>([
    ['upgrading', 0],
    ['upgraded', 0],
    ['finished', 0],
    ['refused', 1],
    ['failed', 1],
    ['rolled-back', 1],
    ['error', 2],
  ])('%s exits %i', (outcome, code) => {
    expect(exitCodeFor(outcome)).toBe(code);
  });
});

describe('formatFindings', () => {
  it('lists errors first, with severity, rule id, field and message', () => {
    const text = formatFindings([
      { ruleId: 'diff-image-registry-change', severity: 'warning', message: 'Image source changes.', field: '/proposed/imageUuid' },
      { ruleId: 'image-registry-allowed', severity: 'error', message: 'quay.io is not allowed.', field: '/proposed/imageUuid' },
    ]);
    expect(text).toBe(
      '  error   image-registry-allowed  /proposed/imageUuid\n          quay.io is not allowed.\n' +
        '  warning diff-image-registry-change  /proposed/imageUuid\n          Image source changes.\n',
    );
  });
});
