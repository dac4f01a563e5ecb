import { route } from '@/lib/http/route';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { listEnvironments } from '@/lib/stacks/visible-stacks';

export const GET = route(async () => Response.json(await listEnvironments(rancherBackend())));
