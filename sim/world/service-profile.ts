import type { ServiceProfile } from './world-types';

/** How an image behaves when the fixture does not say: alpine images have only sh. */
export function profileForImage(imageUuid: string, overrides: Partial<ServiceProfile> = {}): ServiceProfile {
  const image = imageUuid.replace(/^docker:/, '');
  const repo = image.replace(/[:@].*$/, '').split('/').pop() ?? image;
  const style = ['nginx', 'httpd', 'mysql', 'redis'].find((s) => repo.startsWith(s)) ?? (repo.includes('monitor') ? 'monitor' : 'python');
  return {
    logStyle: style,
    logRate: style === 'nginx' ? 1 : 0.2,
    shell: image.includes('alpine') ? 'sh' : 'bash',
    files: {},
    crashLoop: null,
    ...overrides,
  };
}

/**
 * A demo and test convention: an image whose tag ends in `-crash` (`…/foo-app:1.5.0-crash`) exits with
 * code 1 as it starts, so an upgrade to it fails the way Rancher reports a container that will not start.
 */
export function crashesOnStart(imageUuid: string): boolean {
  const lastPart = imageUuid.replace(/@.*$/, '').split('/').pop() ?? '';
  return /:[^:]*-crash$/.test(lastPart);
}
