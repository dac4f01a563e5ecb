import { describe, expect, it } from 'vitest';
import { describeRollout } from './describe-rollout';

describe('describeRollout', () => {
  it('uses Rancher defaults for what is not given', () => {
    expect(describeRollout({}, 2)).toBe('Rancher replaces the 2 containers one at a time, 2 s apart, stopping each old one before starting the new one.');
  });

  it('says batches and start-first', () => {
    expect(describeRollout({ batchSize: 2, intervalMillis: 5000, startFirst: true }, 4)).toBe(
      'Rancher replaces 2 of the 4 containers at a time, 5 s apart, starting each new one before stopping the old one.',
    );
  });

  it('has no batches for one container', () => {
    expect(describeRollout({ batchSize: 3 }, 1)).toBe('Rancher replaces the container, stopping each old one before starting the new one.');
  });
});
