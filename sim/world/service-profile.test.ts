import { describe, expect, it } from 'vitest';
import { crashesOnStart } from './service-profile';

describe('crashesOnStart', () => {
  it.each([
    ['docker:registry.spin.nersc.gov/fred/foo-app:1.5.0-crash', true],
    ['docker:nginx:1.27-crash', true],
    ['docker:localhost:5000/app:2-crash', true],
    ['docker:registry.spin.nersc.gov/fred/foo-app:1.5.0', false],
    ['docker:registry.spin.nersc.gov/dino/crashy:0.3.1', false],
    ['docker:registry.spin.nersc.gov/fred/app-crash:1.0', false],
    ['docker:localhost:5000-crash/app:1', false],
    [`docker:nginx@sha256:${'a'.repeat(64)}`, false],
  ])('%s: %s', (image, crashes) => {
    expect(crashesOnStart(image)).toBe(crashes);
  });
});
