import type { PolicyInputName } from './finding';
import type { ImageRef } from './image-ref';
import type { RuleContext } from './rule-context';

export interface ImageSite {
  ref: ImageRef;
  raw: string;
  input: PolicyInputName;
  path: string;
  service?: string;
}

/** Every image the inputs name: service images (compose or proposed) and Dockerfile FROM lines. */
export function imageSites(ctx: RuleContext): ImageSite[] {
  const out: ImageSite[] = [];
  for (const s of ctx.services) {
    if (s.imageRef && s.image) out.push({ ref: s.imageRef, raw: s.image.value, input: s.input, path: s.image.path, service: s.name });
  }
  for (const img of ctx.dockerfile?.images ?? []) {
    out.push({ ref: img.ref, raw: img.ref.raw, input: 'dockerfile', path: img.path, service: ctx.dockerfile?.service ?? undefined });
  }
  return out;
}
