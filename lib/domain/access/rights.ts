/** What a person may do on a stack (DESIGN.md "lib/access"). */
export const rights = ['view', 'logs', 'operate', 'upgrade', 'shell'] as const;
export type Right = (typeof rights)[number];

/**
 * What a personal API token narrows its owner to: some stacks and some rights (null: all of them).
 * The owner's own access is still decided first; a token only ever takes away.
 */
export interface TokenScope {
  id: string;
  stackIds: readonly string[] | null;
  rights: readonly Right[] | null;
}

/** Who is asking: what the session knows of a signed-in person, and the token they act through, if any. */
export interface AccessUser {
  uid: string;
  groups: readonly string[];
  isStaff: boolean;
  token?: TokenScope;
}

/** What access needs to know of a stack: its id, name and the owner and group tags. */
export interface AccessStack {
  id: string;
  name: string;
  tags: { owner?: string; group?: string };
}
