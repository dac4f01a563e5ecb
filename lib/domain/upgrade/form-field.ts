/**
 * Where in the form something is shown: a finding, a validation problem. Rows are addressed by the
 * name they hold (`env:DEBUG`, `label:io.rancher.container.pull_image`), so a message follows its row.
 */
export type FormField = 'image' | 'tag' | 'env' | `env:${string}` | 'labels' | `label:${string}` | 'secrets' | 'advanced' | 'rollout' | 'general';

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The form field a policy finding is about, from its JSON pointer: `/proposed/environment/FOO` is the
 * row FOO, `/proposed/imageUuid` the image, `/proposed/privileged` (and every other field without a
 * field of its own) the advanced YAML editor; findings about the stack or the running service are general.
 *
 * @example fieldOfPointer('/proposed/labels/io.rancher.container.pull_image') // 'label:io.rancher.container.pull_image'
 */
export function fieldOfPointer(pointer: string): FormField {
  const [root, field, key] = pointer.split('/').slice(1).map(unescape);
  if (root !== 'proposed' || field === undefined) return 'general';
  if (field === 'imageUuid' || field === 'image') return 'image';
  if (field === 'environment' || field === 'env') return key === undefined ? 'env' : `env:${key}`;
  if (field === 'labels') return key === undefined ? 'labels' : `label:${key}`;
  if (field === 'secrets') return 'secrets';
  return 'advanced';
}
