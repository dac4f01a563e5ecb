import { describe, expect, it } from 'vitest';
import { outcomeWords } from './activity-item';

describe('outcomeWords', () => {
  it('names the code of a failure or a denial, and nothing for success', () => {
    expect(outcomeWords({ outcome: 'failed', code: 'ActionNotAvailable', containerName: null }).label).toBe('failed: ActionNotAvailable');
    expect(outcomeWords({ outcome: 'denied', code: null, containerName: null }).label).toBe('denied');
    expect(outcomeWords({ outcome: 'ok', code: null, containerName: null }).label).toBe('done');
  });

  it('says what to do when the outcome is unknown, with the code in the tooltip', () => {
    expect(outcomeWords({ outcome: 'unknown', code: 'ETIMEDOUT', containerName: null })).toEqual({
      label: 'outcome unknown: check the service',
      title: 'Rancher did not confirm this action (ETIMEDOUT); it may or may not have happened.',
    });
    expect(outcomeWords({ outcome: 'unknown', code: null, containerName: 'web-1' }).label).toBe('outcome unknown: check the container');
  });
});
