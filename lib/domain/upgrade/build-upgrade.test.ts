import { describe, expect, it } from 'vitest';
import { buildUpgrade } from './build-upgrade';
import { formStateFrom, type UpgradeFormState } from './upgrade-form-state';

// foo-jgi-doe/app of the demo world, as Rancher returns it (nulls for unset fields).
const current = {
  imageUuid: 'docker:registry.spin.nersc.gov/fred/foo-app:1.4.2',
  user: '1001:1001',
  environment: { APP_ENV: 'production', DB_HOST: 'db', DB_NAME: 'foo' },
  labels: { 'io.rancher.container.pull_image': 'always' },
  capDrop: ['ALL'],
  workingDir: '/srv/app',
  command: ['gunicorn', '--bind', '0.0.0.0:8000', 'foo.wsgi'],
  privileged: null,
  healthCheck: { port: 8000 },
};

function edited(change: (form: UpgradeFormState) => Partial<UpgradeFormState>) {
  const form = formStateFrom(current);
  return buildUpgrade(current, { ...form, ...change(form) });
}

describe('formStateFrom', () => {
  it('opens on the running configuration and Rancher defaults', () => {
    const form = formStateFrom(current);
    expect(form).toMatchObject({ image: 'registry.spin.nersc.gov/fred/foo-app', tag: '1.4.2', startFirst: false, batchSize: '1', intervalSeconds: '2' });
    expect(form.env.map((r) => [r.name, r.value])).toEqual([
      ['APP_ENV', 'production'],
      ['DB_HOST', 'db'],
      ['DB_NAME', 'foo'],
    ]);
    expect(new Set([...form.env, ...form.labels].map((r) => r.id)).size).toBe(4);
    expect(form.advanced).toContain('workingDir: /srv/app');
  });
});

describe('buildUpgrade', () => {
  it('is unchanged, with no input, until something is edited', () => {
    const built = buildUpgrade(current, formStateFrom(current));
    expect(built).toMatchObject({ input: null, hasChange: false, isUnchanged: true, problems: [] });
    expect(built.proposed).toEqual(current);
  });

  it('sends only the new tag, with the rollout options as numbers', () => {
    const built = edited(() => ({ tag: '1.5.0', batchSize: '2', intervalSeconds: '0.5', startFirst: true }));
    expect(built.input).toEqual({ launchConfig: { imageUuid: 'docker:registry.spin.nersc.gov/fred/foo-app:1.5.0' }, startFirst: true, batchSize: 2, intervalMillis: 500 });
    expect(built.proposed).toMatchObject({ ...current, imageUuid: 'docker:registry.spin.nersc.gov/fred/foo-app:1.5.0' });
  });

  it('patches environment key by key: edits, additions, and removals as null', () => {
    const built = edited((form) => ({
      env: [
        { ...form.env[0]!, value: 'staging' },
        form.env[1]!,
        { id: 'new', name: 'DEBUG', value: '1' },
        { id: 'blank', name: '', value: '' },
      ],
    }));
    expect(built.input?.launchConfig).toEqual({ environment: { APP_ENV: 'staging', DB_NAME: null, DEBUG: '1' } });
    expect(built.proposed.environment).toEqual({ APP_ENV: 'staging', DB_HOST: 'db', DEBUG: '1' });
  });

  it('treats a renamed row as a removal and an addition', () => {
    const built = edited((form) => ({ labels: [{ ...form.labels[0]!, name: 'io.rancher.scheduler.global' }] }));
    expect(built.input?.launchConfig.labels).toEqual({ 'io.rancher.container.pull_image': null, 'io.rancher.scheduler.global': 'always' });
  });

  it('reports duplicate and nameless rows against their field', () => {
    const built = edited((form) => ({ env: [...form.env, { id: 'dup', name: 'DB_HOST', value: 'other' }, { id: 'x', name: ' ', value: 'orphan' }] }));
    expect(built.input).toBeNull();
    expect(built.problems).toEqual([
      { field: 'env:DB_HOST', message: 'DB_HOST is listed twice; keep one.' },
      { field: 'env', message: 'Give the variable with value "orphan" a name, or remove it.' },
    ]);
  });

  it('turns advanced YAML into set, changed and removed fields', () => {
    const built = edited(() => ({ advanced: 'user: 1001:1001\ncapDrop: [ALL]\nprivileged: true\ncommand: [gunicorn, foo.wsgi]\n' }));
    expect(built.input?.launchConfig).toEqual({ privileged: true, command: ['gunicorn', 'foo.wsgi'], workingDir: null });
    expect(built.proposed).not.toHaveProperty('workingDir');
    expect(built.proposed.healthCheck).toEqual({ port: 8000 });
  });

  it('reports YAML errors with their line and sends nothing', () => {
    const built = edited(() => ({ advanced: 'user: app\nprivileged: maybe\n' }));
    expect(built.input).toBeNull();
    expect(built.problems).toEqual([{ field: 'advanced', message: expect.stringMatching(/^Line 2: privileged: /) }]);
    // Nothing to send, but something to fix: the form is not "unchanged", so it can be discarded.
    expect(built).toMatchObject({ hasChange: false, isUnchanged: false });
  });

  it('refuses an empty image and a bad tag on their own fields', () => {
    expect(edited(() => ({ image: ' ' })).problems).toEqual([{ field: 'image', message: expect.stringContaining('Image is required') }]);
    expect(edited(() => ({ tag: 'no spaces allowed' })).problems).toEqual([{ field: 'tag', message: expect.stringContaining('Not a valid image reference') }]);
    expect(edited(() => ({ image: 'Upper/Case' })).problems[0]?.field).toBe('image');
  });

  it('checks rollout numbers with the route schema', () => {
    const built = edited(() => ({ tag: '1.5.0', batchSize: '0', intervalSeconds: '900' }));
    expect(built.input).toBeNull();
    expect(built.problems).toEqual([
      { field: 'rollout', message: 'Batch size: use a whole number from 1 to 100.' },
      { field: 'rollout', message: 'Interval: use 0 to 600 seconds.' },
    ]);
  });

  it('leaves empty rollout fields to Rancher', () => {
    expect(edited(() => ({ tag: '1.5.0', batchSize: '', intervalSeconds: '' })).input).toEqual({
      launchConfig: { imageUuid: 'docker:registry.spin.nersc.gov/fred/foo-app:1.5.0' },
      startFirst: false,
    });
  });
});
