import { describe, expect, it } from 'vitest';
import { containerRestartEffect } from './service-action-copy';

describe('containerRestartEffect', () => {
  it('says a lone container takes its service down while it restarts', () => {
    expect(containerRestartEffect('crashy-nersc-app-1', 'app', 0)).toBe(
      'crashy-nersc-app-1 stops and starts again. It is the only running container of app, so app is down until it is back, usually a few seconds.',
    );
  });

  it('promises that the others keep serving only when there are others running', () => {
    expect(containerRestartEffect('web-1', 'web', 1)).toBe("web-1 stops and starts again; web's other running container keeps serving meanwhile.");
    expect(containerRestartEffect('web-1', 'web', 2)).toBe("web-1 stops and starts again; web's 2 other running containers keep serving meanwhile.");
  });
});
