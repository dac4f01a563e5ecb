export const stackKeys = {
  all: ['stacks'] as const,
  list: () => [...stackKeys.all, 'list'] as const,
  detail: (stackId: string) => [...stackKeys.all, 'detail', stackId] as const,
};
