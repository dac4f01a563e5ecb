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

/**
 * What the names have in common, cut at a dash: a name for a merged view's download.
 *
 * @example sharedNamePrefix(['foo-jgi-doe-web-1', 'foo-jgi-doe-web-2']) // 'foo-jgi-doe-web'
 */
export function sharedNamePrefix(names: readonly string[]): string {
  const [first, ...rest] = names;
  if (first === undefined) return '';
  if (rest.length === 0) return first;
  let length = first.length;
  for (const name of rest) {
    let i = 0;
    while (i < length && i < name.length && name[i] === first[i]) i++;
    length = i;
  }
  const shared = first.slice(0, length);
  const isWholePart = rest.every((name) => name.length === length || name[length] === '-') && (first.length === length || first[length] === '-');
  return (isWholePart ? shared : shared.slice(0, Math.max(0, shared.lastIndexOf('-')))).replace(/-+$/, '');
}
