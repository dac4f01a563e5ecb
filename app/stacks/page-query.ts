/** A page's search params as Next hands them over, single values only (repeated keys are not ours). */
export type PageSearchParams = Record<string, string | string[] | undefined>;

export function queryOf(params: PageSearchParams): URLSearchParams {
  return new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
}

/** The page's path with its query, for a sign-in to come back to exactly (`?tab=logs`, `?attention=1`). */
export function withQuery(path: string, query: URLSearchParams): string {
  return query.size > 0 ? `${path}?${query}` : path;
}
