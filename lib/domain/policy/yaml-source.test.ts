import { describe, expect, it } from 'vitest';
import { yamlAliasBomb } from '../../../test/helpers/yaml-alias-bomb';
import { parseYamlSource, type YamlSource } from './yaml-source';

function source(text: string): YamlSource {
  const r = parseYamlSource(text, 'docker-compose.yml');
  if (!r.ok) throw new Error(r.error.message);
  return r.source;
}

const compose = `version: '2'
x-caps: &caps
  cap_drop:
    - ALL
services:
  web:
    <<: *caps
    image: nginx:1.15
    ports:
      - "60000:8080"
    labels:
      a/b: x
`;

describe('parseYamlSource', () => {
  it('reads compose the way docker-compose does (YAML 1.1, no sexagesimal)', () => {
    const v = source('mode: 0400\nprivileged: yes\nport: 22:22\nuser: 1000:1000\nday: 2018-10-04\n').value;
    expect(v).toEqual({ mode: 256, privileged: true, port: '22:22', user: '1000:1000', day: '2018-10-04' });
  });

  it('locates keys, items, escaped keys and merged values', () => {
    const s = source(compose);
    expect(s.locate('/services/web/image')).toEqual({ line: 8, column: 5 });
    expect(s.locate('/services/web/ports/0')).toEqual({ line: 10, column: 9 });
    expect(s.locate('/services/web/labels/a~1b')).toEqual({ line: 12, column: 7 });
    expect(s.locate('/services/web/cap_drop/0')).toEqual({ line: 4, column: 7 });
    expect(s.value).toMatchObject({ services: { web: { cap_drop: ['ALL'] } } });
  });

  it('falls back to the nearest ancestor for absent paths', () => {
    expect(source(compose).locate('/services/web/user')).toEqual({ line: 6, column: 3 });
  });

  it('reports syntax errors with line and column', () => {
    const r = parseYamlSource('services:\n  web:\n    image: [nginx\n', 'bad.yml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBeGreaterThanOrEqual(3);
      expect(r.error.message).not.toMatch(/\n/);
    }
  });

  it('keeps the last of duplicate keys, as Rancher reads them, and says where each repeat is', () => {
    const r = parseYamlSource('services:\n  web: {image: a}\n  web: {image: b, ports: [1]}\n');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.source.value).toEqual({ services: { web: { image: 'b', ports: [1] } } });
    expect(r.source.duplicateKeys).toEqual([{ key: 'web', path: '/services/web', position: { line: 3, column: 3 } }]);
    expect(r.source.locate('/services/web/ports')).toEqual({ line: 3, column: 19 });
  });

  // Issue #17: an alias bomb used to throw out of the parser (a 500 from the policy route).
  it('calls an alias bomb unreadable at its first alias instead of expanding it', () => {
    const r = parseYamlSource(yamlAliasBomb(), 'bomb.yml');
    expect(r).toEqual({ ok: false, error: { file: 'bomb.yml', line: 2, column: 8, message: 'its aliases expand to more than 1000 copies (an alias bomb)' } });
  });

  it('still expands a few aliases', () => {
    expect(source('one: &x [1, 2]\ntwo: [*x, *x]\n').value).toEqual({ one: [1, 2], two: [[1, 2], [1, 2]] });
  });
});
