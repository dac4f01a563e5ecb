import type { JsonPatchOp } from './finding';
import { pointer } from './json-pointer';
import type { ServiceSpec } from './service-spec';

/** Adds a label in the form the file already uses (map entry, `K=V` list item, or a new map). */
export function addLabelFix(spec: ServiceSpec, key: string, value: string): JsonPatchOp[] {
  const labels = spec.fieldPath('labels');
  if (spec.forms.labels === 'map') return [{ op: 'add', path: pointer(labels, key), value }];
  if (spec.forms.labels === 'list') return [{ op: 'add', path: pointer(labels, '-'), value: `${key}=${value}` }];
  return [{ op: 'add', path: labels, value: { [key]: value } }];
}

/** `cap_drop: [ALL]`, appended to an existing list or set as a new field. */
export function dropAllFix(spec: ServiceSpec): JsonPatchOp[] {
  const capDrop = spec.fieldPath('capDrop');
  return spec.capDrop.length > 0 ? [{ op: 'add', path: pointer(capDrop, '-'), value: 'ALL' }] : [{ op: 'add', path: capDrop, value: ['ALL'] }];
}

/** Drops everything and keeps only the added capabilities in `keep`. */
export function onlyCapsFix(spec: ServiceSpec, keep: readonly string[]): JsonPatchOp[] {
  const capDrop = spec.fieldPath('capDrop');
  const ops: JsonPatchOp[] = [{ op: spec.capDrop.length > 0 ? 'replace' : 'add', path: capDrop, value: ['ALL'] }];
  if (spec.capAdd.length > 0) {
    const kept = spec.capAdd.filter((c) => keep.includes(c.name)).map((c) => c.raw);
    ops.push(kept.length > 0 ? { op: 'replace', path: spec.fieldPath('capAdd'), value: kept } : { op: 'remove', path: spec.fieldPath('capAdd') });
  }
  return ops;
}
