import { describe, expect, it } from 'vitest';
import { imageSource, parseImageRef, type ImageRef } from './image-ref';

function ref(s: string): ImageRef {
  const r = parseImageRef(s);
  if (!r.ok) throw new Error(r.reason);
  return r.ref;
}

describe('parseImageRef', () => {
  it.each([
    ['nginx', null, true, true, 'latest'],
    ['nginx:1.25', null, true, true, '1.25'],
    ['library/nginx:1.25', null, true, true, '1.25'],
    ['docker.io/library/nginx', 'docker.io', true, true, 'latest'],
    ['index.docker.io/someuser/app:1', 'index.docker.io', true, false, '1'],
    ['someuser/flask-app:1.0', null, true, false, '1.0'],
    ['registry.spin.nersc.gov/elvis/app:v1', 'registry.spin.nersc.gov', false, false, 'v1'],
    ['localhost:5000/app', 'localhost:5000', false, false, 'latest'],
    ['localhost/app:2', 'localhost', false, false, '2'],
    ['quay.io/prometheus/node-exporter:v0.16.0', 'quay.io', false, false, 'v0.16.0'],
    ['[::1]:5000/app:3', '[::1]:5000', false, false, '3'],
  ])('%s', (s, host, hub, official, tag) => {
    const r = ref(s);
    expect(r.host).toBe(host);
    expect(r.isDockerHub).toBe(hub);
    expect(r.isOfficial).toBe(official);
    expect(r.effectiveTag).toBe(tag);
  });

  it('treats a digest as pinned, with or without a tag', () => {
    const d = `sha256:${'a'.repeat(64)}`;
    expect(ref(`nginx@${d}`).effectiveTag).toBeNull();
    expect(ref(`nginx:latest@${d}`).effectiveTag).toBeNull();
    expect(ref(`nginx@${d}`).digest).toBe(d);
  });

  it('does not mistake a registry port for a tag', () => {
    const r = ref('registry.example.org:5000/team/app');
    expect(r.tag).toBeNull();
    expect(r.path).toBe('team/app');
  });

  it('leaves interpolated parts unknown instead of guessing', () => {
    expect(ref('registry.spin.nersc.gov/elvis/app:${TAG}').effectiveTag).toBeNull();
    expect(ref('${REGISTRY}/app:1').hostUnknown).toBe(true);
    expect(ref('${REGISTRY}/app:1').isDockerHub).toBe(false);
  });

  it.each(['', 'Nginx:1', 'nginx:', 'nginx:-x', 'nginx@sha256:abc', 'a//b', 'my image'])('rejects %j', (s) => {
    expect(parseImageRef(s).ok).toBe(false);
  });

  it('names the source without the version', () => {
    expect(imageSource(ref('nginx:1.25'))).toBe('docker.io/library/nginx');
    expect(imageSource(ref('docker.io/library/nginx:1.26'))).toBe('docker.io/library/nginx');
    expect(imageSource(ref('registry.spin.nersc.gov/elvis/app:v2'))).toBe('registry.spin.nersc.gov/elvis/app');
  });
});
