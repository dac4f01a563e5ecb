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
