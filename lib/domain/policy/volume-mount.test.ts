import { describe, expect, it } from 'vitest';
import { normalisePosixPath } from './host-path';
import { parseVolumeMount, type VolumeMount } from './volume-mount';

function mount(v: string): VolumeMount {
  const r = parseVolumeMount(v);
  if (!r.ok) throw new Error(r.reason);
  return r.mount;
}

describe('parseVolumeMount', () => {
  it.each([
    ['/global/project/projectdirs/m1/web:/srv:ro', 'bind', true, true],
    ['/global/project/projectdirs/m1/web/:/srv', 'bind', false, true],
    ['/global/homes/f/fred/../../../project/x:/x:ro,z', 'bind', true, true],
    ['/project/projectdirs/myteam/spin:/data:ro', 'bind', true, true],
    ['/globalx/data:/data', 'bind', false, false],
    ['/var/log/app:/logs', 'bind', false, false],
    ['./conf:/etc/app:ro', 'bind', true, false],
    ['db.mystack:/var/lib/mysql', 'named', false, false],
    ['/data', 'anonymous', false, false],
  ])('%s', (v, kind, ro, external) => {
    const m = mount(v);
    expect(m.kind).toBe(kind);
    expect(m.readOnly).toBe(ro);
    expect(m.external).toBe(external);
  });

  it('normalises the host path', () => {
    expect(mount('/global//project/./x/:/x').hostPath).toBe('/global/project/x');
    expect(normalisePosixPath('/a/b/../../..')).toBe('/');
  });

  it.each(['', 'a:b', '/a:/b:ro:z', '/a::ro'])('rejects %j', (v) => expect(parseVolumeMount(v).ok).toBe(false));
});
