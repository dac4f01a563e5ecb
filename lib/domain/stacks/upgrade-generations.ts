/** Which containers of a service in an upgrade are the old ones (kept until Finish) and which the new. */
export type Generation = 'old' | 'new';

interface ContainerFacts {
  id: string;
  name: string;
  createdAt: string;
  image: string | null;
}

/**
 * During an upgrade Rancher keeps the old containers beside their replacements, often under the same
 * name. A replacement is the younger of two containers of one name; a container alone under its name is
 * new when it runs the service's (upgraded) image. Outside an upgrade: no labels.
 */
export function upgradeGenerations(containers: readonly ContainerFacts[], serviceImage: string, upgradeInProgress: boolean): ReadonlyMap<string, Generation> {
  const labels = new Map<string, Generation>();
  if (!upgradeInProgress) return labels;
  const byName = new Map<string, ContainerFacts[]>();
  for (const c of containers) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  for (const group of byName.values()) {
    if (group.length === 1) {
      const only = group[0] as ContainerFacts;
      if (only.image !== null) labels.set(only.id, only.image === serviceImage ? 'new' : 'old');
      continue;
    }
    const newest = group.reduce((a, b) => (Date.parse(b.createdAt) > Date.parse(a.createdAt) ? b : a));
    for (const c of group) labels.set(c.id, c === newest ? 'new' : 'old');
  }
  return labels;
}
