import { describe, expect, it } from 'vitest';
import { containerTags, sharedNamePrefix, tagColourIndex } from './container-tags';

describe('containerTags', () => {
  const cases = [
    { names: ['foo-jgi-doe-web-1', 'foo-jgi-doe-web-2'], tags: ['web-1', 'web-2'] },
    { names: ['a-web-1', 'b-web-1'], tags: ['a-web-1', 'b-web-1'] },
    { names: ['web-1', 'x-web-1'], tags: ['web-1', 'x-web-1'] },
    { names: ['single'], tags: ['single'] },
    { names: ['stack-app-1'], tags: ['app-1'] },
  ];
  it.each(cases)('$names', ({ names, tags }) => {
    expect(containerTags(names)).toEqual(tags);
  });
});

describe('tagColourIndex', () => {
  it('cycles through the palette', () => {
    expect([0, 1, 7, 8, 9].map(tagColourIndex)).toEqual([0, 1, 7, 0, 1]);
  });
});

describe('sharedNamePrefix', () => {
  it.each([
    [['foo-jgi-doe-web-1', 'foo-jgi-doe-web-2'], 'foo-jgi-doe-web'],
    [['foo-jgi-doe-web-1', 'foo-jgi-doe-web-12'], 'foo-jgi-doe-web'],
    [['stack-web-1', 'stack-worker-1'], 'stack'],
    [['app-1'], 'app-1'],
    [['abc', 'xyz'], ''],
    [[], ''],
  ])('%j', (names, prefix) => {
    expect(sharedNamePrefix(names)).toBe(prefix);
  });
});
