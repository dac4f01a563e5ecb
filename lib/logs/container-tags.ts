/**
 * Short tags for the containers of a merged view: the fewest trailing dash-separated parts of each name
 * (at least two, `web-1`) that no other name ends with.
 *
 * @example containerTags(['foo-jgi-doe-web-1', 'foo-jgi-doe-web-2']) // ['web-1', 'web-2']
 */
export function containerTags(names: readonly string[]): string[] {
  return names.map((name) => {
    const parts = name.split('-');
    for (let take = Math.min(2, parts.length); take < parts.length; take++) {
      const tag = parts.slice(-take).join('-');
      const isUnique = names.every((other) => other === name || !(other === tag || other.endsWith(`-${tag}`)));
      if (isUnique) return tag;
    }
    return name;
  });
}

/** How many distinct tag colours the view cycles through. */
export const tagColourCount = 8;

/** The colour slot of the container at `index` of the page's container list (stable while chips toggle). */
export function tagColourIndex(index: number): number {
  return ((index % tagColourCount) + tagColourCount) % tagColourCount;
}
