import { route } from '@/lib/http/route';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { listVisibleStacks } from '@/lib/stacks/visible-stacks';

export const GET = route(async ({ user }) => Response.json(await listVisibleStacks(rancherBackend(), user)));
