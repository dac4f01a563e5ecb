import { ForbiddenError, NotFoundError } from '@/lib/domain/errors/app-error';
import { rights, type AccessStack, type AccessUser, type Right } from './rights';

export type Relation = 'owner' | 'group' | 'staff' | 'none';

/** How the person relates to the stack, strongest first: tags are compared lower-cased. */
export function relationTo(user: AccessUser, stack: AccessStack): Relation {
  const owner = stack.tags.owner?.toLowerCase();
  const group = stack.tags.group?.toLowerCase();
  if (owner && owner === user.uid.toLowerCase()) return 'owner';
  if (group && user.groups.some((g) => g.toLowerCase() === group)) return 'group';
  if (user.isStaff) return 'staff';
  return 'none';
}

/**
 * The rights a person holds on a stack. The owner, members of the stack's group and staff hold all
 * five; everyone else none (DESIGN.md). A stack without an owner tag is therefore staff's only.
 */
export function rightsOn(user: AccessUser, stack: AccessStack): Right[] {
  return relationTo(user, stack) === 'none' ? [] : [...rights];
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
  if (!held.includes(right)) throw new ForbiddenError(`You may not ${right} stack ${stack.name}.`);
}
