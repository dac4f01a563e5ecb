/** The image field and the tag field of the form, e.g. `nginx` and `1.25`. */
export interface ImageParts {
  image: string;
  /** Tag, or `@sha256:…` for an image pinned by digest; '' for none (Docker then means `latest`). */
  tag: string;
}

/**
 * Splits a launchConfig `imageUuid` (or a plain reference) into the form's two fields. The tag is what
 * follows the last `:` after the last `/`, so a registry port (`registry:5000/app`) stays in the image.
 *
 * @example splitImage('docker:registry.spin.nersc.gov/fred/app:1.4.2') // { image: 'registry.spin.nersc.gov/fred/app', tag: '1.4.2' }
 */
export function splitImage(imageUuid: string): ImageParts {
  const ref = imageUuid.startsWith('docker:') ? imageUuid.slice('docker:'.length) : imageUuid;
  const at = ref.indexOf('@');
  if (at >= 0) return { image: ref.slice(0, at), tag: ref.slice(at) };
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) return { image: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { image: ref, tag: '' };
}

/** The reference the two fields make, without Rancher's `docker:` prefix. */
export function joinImage({ image, tag }: ImageParts): string {
  const name = image.trim();
  const version = tag.trim();
  if (version === '') return name;
  return version.startsWith('@') ? `${name}${version}` : `${name}:${version}`;
}

/** `nginx:1.25` from a launchConfig's `docker:` image reference; null when it names none. */
export function imageOfLaunchConfig(config: Record<string, unknown> | null): string | null {
  return typeof config?.imageUuid === 'string' ? joinImage(splitImage(config.imageUuid)) : null;
}
