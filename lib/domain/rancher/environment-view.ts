import { z } from 'zod';

/** How the API shows a Rancher environment; /api/v1/openapi.json describes stacks and activity rows with it. */
export const environmentView = z
  .object({
    id: z.string().describe('Rancher project id, e.g. 1a5'),
    name: z.string().describe('e.g. prod-cattle'),
    production: z.boolean(),
  })
  .describe('The Rancher environment the stack lives in');
