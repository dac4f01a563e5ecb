/** What a person may do on a stack (DESIGN.md "lib/access"). */
export const rights = ['view', 'logs', 'operate', 'upgrade', 'shell'] as const;
export type Right = (typeof rights)[number];

/** Who is asking: what the session knows of a signed-in person. */
export interface AccessUser {
  uid: string;
  groups: readonly string[];
  isStaff: boolean;
}

/** What access needs to know of a stack: its id, name and the owner and group tags. */
export interface AccessStack {
  id: string;
  name: string;
  tags: { owner?: string; group?: string };
}
