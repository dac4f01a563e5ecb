import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  const cases = [
    { name: 'sorts keys at every level', value: { b: 1, a: [true, { d: null, c: 'x' }] }, text: '{"a":[true,{"c":"x","d":null}],"b":1}' },
    { name: 'drops undefined members', value: { a: undefined, b: 2 }, text: '{"b":2}' },
    { name: 'writes undefined array items as null', value: [undefined, 1], text: '[null,1]' },
    { name: 'escapes strings as JSON does', value: { 'k"': 'a\nb\u0000' }, text: '{"k\\"":"a\\nb\\u0000"}' },
    { name: 'uses toJSON (dates)', value: { at: new Date(0) }, text: '{"at":"1970-01-01T00:00:00.000Z"}' },
    { name: 'scalars', value: 'x', text: '"x"' },
  ];
  it.each(cases)('$name', ({ value, text }) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('gives the same text whatever order the keys were added in', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});
