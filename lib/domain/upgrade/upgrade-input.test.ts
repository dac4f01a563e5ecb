import { describe, expect, it } from 'vitest';
import { upgradeInput, upgradeLimits } from './upgrade-input';

function problems(launchConfig: Record<string, unknown>): { path: string; message: string }[] {
  const result = upgradeInput.safeParse({ launchConfig });
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function entries(count: number, value = 'x'): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`NAME_${i}`, value]));
}

describe('upgrade input limits', () => {
  it('accepts a change at the limits', () => {
    expect(problems({ environment: entries(upgradeLimits.entries, 'v'.repeat(upgradeLimits.valueChars)) })).toEqual([]);
  });

  it.each(['environment', 'labels'])('refuses more than 200 %s entries, naming the field', (field) => {
    expect(problems({ [field]: entries(201) })).toEqual([{ path: `launchConfig.${field}`, message: 'at most 200 entries in one change; this has 201' }]);
  });

  it('refuses a value over 4 KiB, naming the variable', () => {
    expect(problems({ environment: { BIG: 'v'.repeat(4097) } })).toEqual([{ path: 'launchConfig.environment.BIG', message: 'values are at most 4096 characters (4 KiB)' }]);
  });

  it('refuses a whole change over 960 KiB, under the 1 MiB body limit', () => {
    const full = entries(upgradeLimits.entries, 'v'.repeat(upgradeLimits.valueChars));
    expect(problems({ environment: full, labels: full })).toEqual([{ path: 'launchConfig', message: expect.stringMatching(/^the whole change is at most 960 KiB/) }]);
  });
});
