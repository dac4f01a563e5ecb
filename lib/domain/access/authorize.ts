import { ForbiddenError, NotFoundError } from '@/lib/domain/errors/app-error';
import { rights, type AccessStack, type AccessUser, type Right } from './rights';

export type Relation = 'owner' | 'group' | 'staff' | 'none';

/**
 * How the person relates to the stack, strongest first: tags are compared lower-cased. Through a token
 * limited to some stacks, every other stack is 'none', exactly as if it were not shared.
 */
export function relationTo(user: AccessUser, stack: AccessStack): Relation {
  if (user.token?.stackIds && !user.token.stackIds.includes(stack.id)) return 'none';
  const owner = stack.tags.owner?.toLowerCase();
  const group = stack.tags.group?.toLowerCase();
  if (owner && owner === user.uid.toLowerCase()) return 'owner';
  if (group && user.groups.some((g) => g.toLowerCase() === group)) return 'group';
  if (user.isStaff) return 'staff';
  return 'none';
}

/**
 * The rights a person holds on a stack. The owner, members of the stack's group and staff hold all
 * five; everyone else none (DESIGN.md). A stack without an owner tag is therefore staff's only. A token
 * holds the intersection of its owner's rights with its own, and always `view` on a stack it reaches.
 */
export function rightsOn(user: AccessUser, stack: AccessStack): Right[] {
  if (relationTo(user, stack) === 'none') return [];
  const tokenRights = user.token?.rights;
  return rights.filter((right) => right === 'view' || !tokenRights || tokenRights.includes(right));
}

/**
 * Whether the person sees every stack, as staff do through a browser session or an unnarrowed token;
 * staff-wide listings (everyone's activity) ask this rather than `isStaff`.
 */
export function seesEveryStack(user: AccessUser): boolean {
  return user.isStaff && !user.token?.stackIds;
}

/**
 * One answer for "absent" and "not yours", word for word, so a 404 never reveals that a stack exists.
 */
export function notShared(stackId: string): NotFoundError {
  return new NotFoundError(`No stack ${stackId} is shared with you.`);
}

/**
 * The one decision every route and websocket makes before acting on a stack. A stack the person may
 * not see is "not found", so its existence is never revealed; a visible stack with the right missing
 * is "forbidden".
 */
export function authorize(user: AccessUser, right: Right, stack: AccessStack): void {
  const held = rightsOn(user, stack);
  if (!held.includes('view')) throw notShared(stack.id);
  if (!held.includes(right)) {
    const through = user.token ? ` with API token ${user.token.id}` : '';
    throw new ForbiddenError(`You may not ${right} stack ${stack.name}${through}.`);
  }
}
