import { describe, expect, it } from 'vitest';
import { imageOfLaunchConfig, joinImage, splitImage } from './image-parts';

const cases = [
  { name: 'docker hub with tag', uuid: 'docker:nginx:1.25', image: 'nginx', tag: '1.25' },
  { name: 'no docker: prefix', uuid: 'nginx:1.27', image: 'nginx', tag: '1.27' },
  { name: 'registry and path', uuid: 'docker:registry.spin.nersc.gov/fred/foo-app:1.4.2', image: 'registry.spin.nersc.gov/fred/foo-app', tag: '1.4.2' },
  { name: 'registry port, no tag', uuid: 'docker:registry:5000/app', image: 'registry:5000/app', tag: '' },
  { name: 'registry port and tag', uuid: 'docker:registry:5000/app:2', image: 'registry:5000/app', tag: '2' },
  { name: 'digest', uuid: `docker:nginx@sha256:${'a'.repeat(64)}`, image: 'nginx', tag: `@sha256:${'a'.repeat(64)}` },
];

describe('splitImage / joinImage', () => {
  it.each(cases)('$name', ({ uuid, image, tag }) => {
    expect(splitImage(uuid)).toEqual({ image, tag });
    expect(joinImage({ image, tag })).toBe(uuid.replace(/^docker:/, ''));
  });

  it('trims what the user typed', () => {
    expect(joinImage({ image: ' nginx ', tag: ' 1.27 ' })).toBe('nginx:1.27');
  });
});

describe('imageOfLaunchConfig', () => {
  it('reads the image without the docker: prefix, or null when there is none', () => {
    expect(imageOfLaunchConfig({ imageUuid: 'docker:nginx:1.25' })).toBe('nginx:1.25');
    expect(imageOfLaunchConfig({ imageUuid: 'docker:registry.spin.nersc.gov/fred/app@sha256:abc' })).toBe('registry.spin.nersc.gov/fred/app@sha256:abc');
    expect(imageOfLaunchConfig({})).toBeNull();
    expect(imageOfLaunchConfig(null)).toBeNull();
  });
});
