/**
 * True when A and B are the same type (each assignable to the other). A schema written beside a type
 * that code builds by hand says `const matches: SameType<z.infer<typeof schema>, Type> = true`, which
 * stops compiling as soon as the two drift apart.
 */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
