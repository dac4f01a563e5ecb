import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_HOST_PATHS, judgeHostPath, normalisePosixPath, parseAllowedHostPaths, resolveHostSource } from './host-path';

describe('normalisePosixPath', () => {
  it.each([
    ['/', '/'],
    ['/.', '/'],
    ['//', '/'],
    ['/..', '/'],
    ['/../../..', '/'],
    ['//var//run/./docker.sock', '/var/run/docker.sock'],
    ['/var/run/docker.sock/', '/var/run/docker.sock'],
    ['/var/run/docker.sock/.', '/var/run/docker.sock'],
    ['/global/x/../../etc', '/etc'],
    ['/global/project/projectdirs/csg/../../../../', '/'],
    ['/global/./project//x/', '/global/project/x'],
    ['/global/..hidden/x', '/global/..hidden/x'],
    ['/global/...', '/global/...'],
    ['/a/b/../../..', '/'],
    ['a/../../b', '../b'],
    ['./x', 'x'],
    ['', '.'],
  ])('%j → %j', (input, expected) => expect(normalisePosixPath(input)).toBe(expected));
});

describe('resolveHostSource', () => {
  it('normalises absolute sources whatever the base', () => expect(resolveHostSource('/global/../run', null)).toBe('/run'));
  it('resolves relative sources against the compose directory', () => {
    expect(resolveHostSource('./data', '/global/cfs/m1/app')).toBe('/global/cfs/m1/app/data');
    expect(resolveHostSource('../../../../etc', '/global/cfs/m1/app')).toBe('/etc');
  });
  it('cannot resolve a relative source without a directory, nor ~', () => {
    expect(resolveHostSource('./data', null)).toBeNull();
    expect(resolveHostSource('~/data', '/global/cfs')).toBeNull();
    expect(resolveHostSource('./data', 'relative/dir')).toBeNull();
  });
});

describe('judgeHostPath', () => {
  const roots = DEFAULT_ALLOWED_HOST_PATHS;
  it.each([
    ['/', 'node'],
    ['/var/run/docker.sock', 'node'],
    ['/run/docker.sock', 'node'],
    ['/var/lib/docker/volumes', 'node'],
    ['/var/lib/rancher', 'node'],
    ['/proc/1/root', 'node'],
    ['/sys', 'node'],
    ['/dev/sda', 'node'],
    ['/etc', 'node'],
    ['/boot', 'node'],
    ['/root/.ssh', 'node'],
    ['/usr/bin', 'node'],
    ['/lib/modules', 'node'],
    ['/global/cfs/m1/agent.sock', 'socket'],
    ['/srv/app', 'outside'],
    ['/globalx', 'outside'],
    ['/var/log', 'outside'],
  ])('%s is refused (%s)', (path, reason) => expect(judgeHostPath(path, roots)).toEqual({ allowed: false, reason }));

  it.each(['/global', '/global/cfs/cdirs/m1/www', '/project/projectdirs/m1', '/global/x.sock.d/y'])('%s is allowed', (path) =>
    expect(judgeHostPath(path, roots)).toEqual({ allowed: true }),
  );

  it('keeps the never-allowed paths refused under any configured root', () => {
    expect(judgeHostPath('/var/run/docker.sock', ['/var'])).toEqual({ allowed: false, reason: 'node' });
    expect(judgeHostPath('/var/spin/data', ['/var/spin'])).toEqual({ allowed: true });
  });
});

describe('parseAllowedHostPaths', () => {
  it('defaults to the Global Filesystem roots', () => expect(parseAllowedHostPaths(undefined)).toEqual({ ok: true, roots: ['/global', '/project'] }));
  it('normalises and de-duplicates', () => expect(parseAllowedHostPaths(' /global/ , //scratch/spin/., /global')).toEqual({ ok: true, roots: ['/global', '/scratch/spin'] }));
  it.each(['/', '/.', '/var', '/etc/spin', '/global/../run', 'global', ' , '])('refuses %j', (text) => expect(parseAllowedHostPaths(text).ok).toBe(false));
});
