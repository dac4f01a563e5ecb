import { describe, expect, it } from 'vitest';
import { mergeLaunchConfig } from './merge-launch-config';
import type { LaunchConfig } from './types';

const current: LaunchConfig = {
  imageUuid: 'docker:registry.spin.nersc.gov/fred/foo-app:1.4.2',
  environment: { APP_ENV: 'production', DB_HOST: 'db', DB_NAME: 'foo' },
  labels: { 'io.rancher.container.pull_image': 'always' },
  capDrop: ['ALL'],
  capAdd: ['CHOWN'],
  user: '1001:1001',
  ports: ['60000:8080/tcp'],
  healthCheck: { port: 8080, interval: 2000, strategy: 'recreate' },
  logConfig: { driver: 'json-file', config: { 'max-size': '10m' } },
  version: '0',
  secrets: [{ type: 'secretReference', secretId: '1se1', name: 'db-pass' }],
};

describe('mergeLaunchConfig', () => {
  it('changes one env var and keeps every other field and variable', () => {
    const merged = mergeLaunchConfig(current, { environment: { DB_NAME: 'foo2' } });
    expect(merged).toEqual({ ...current, environment: { APP_ENV: 'production', DB_HOST: 'db', DB_NAME: 'foo2' } });
  });

  it('removes a key or a field given null', () => {
    const merged = mergeLaunchConfig(current, { environment: { DB_HOST: null }, user: null });
    expect(merged.environment).toEqual({ APP_ENV: 'production', DB_NAME: 'foo' });
    expect('user' in merged).toBe(false);
  });

  it('replaces arrays and scalars whole', () => {
    const merged = mergeLaunchConfig(current, { capAdd: ['NET_BIND_SERVICE'], imageUuid: 'docker:nginx:1.27' });
    expect(merged.capAdd).toEqual(['NET_BIND_SERVICE']);
    expect(merged.capDrop).toEqual(['ALL']);
    expect(merged.imageUuid).toBe('docker:nginx:1.27');
  });

  it('gives a plain image reference the docker: prefix', () => {
    expect(mergeLaunchConfig(current, { imageUuid: 'nginx:1.27' }).imageUuid).toBe('docker:nginx:1.27');
    expect(mergeLaunchConfig(current, { imageUuid: 'docker:nginx:1.27' }).imageUuid).toBe('docker:nginx:1.27');
  });

  it('merges nested maps such as healthCheck', () => {
    expect(mergeLaunchConfig(current, { healthCheck: { interval: 5000 } }).healthCheck).toEqual({ port: 8080, interval: 5000, strategy: 'recreate' });
  });

  it('adds a map the service did not have', () => {
    expect(mergeLaunchConfig({ imageUuid: 'docker:a:1', environment: null }, { environment: { A: '1' } }).environment).toEqual({ A: '1' });
  });

  it('leaves the current launchConfig untouched', () => {
    const before = structuredClone(current);
    const merged = mergeLaunchConfig(current, { labels: { team: 'web' } });
    (merged.capDrop as string[]).push('X');
    expect(current).toEqual(before);
  });
});
