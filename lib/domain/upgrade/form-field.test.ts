import { describe, expect, it } from 'vitest';
import { fieldOfPointer } from './form-field';

const cases = [
  { pointer: '/proposed/imageUuid', field: 'image' },
  { pointer: '/proposed/environment', field: 'env' },
  { pointer: '/proposed/environment/DB_PASSWORD', field: 'env:DB_PASSWORD' },
  { pointer: '/proposed/labels', field: 'labels' },
  { pointer: '/proposed/labels/io.rancher.container.pull_image', field: 'label:io.rancher.container.pull_image' },
  { pointer: '/proposed/labels/a~1b~0c', field: 'label:a/b~c' },
  { pointer: '/proposed/privileged', field: 'advanced' },
  { pointer: '/proposed/capAdd/0', field: 'advanced' },
  { pointer: '/proposed/ports/0', field: 'advanced' },
  { pointer: '/stack/group', field: 'general' },
  { pointer: '/current/imageUuid', field: 'general' },
  { pointer: '', field: 'general' },
];

describe('fieldOfPointer', () => {
  it.each(cases)('$pointer → $field', ({ pointer, field }) => {
    expect(fieldOfPointer(pointer)).toBe(field);
  });
});
