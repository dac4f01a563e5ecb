import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FaultState } from '../faults/faults';
import { projectRecord } from '../world/build-world';
import type { World } from '../world/world';
import type { ApiKey, ProjectRecord } from '../world/world-types';
import { ApiError } from './api-error';

// HTTP Basic with API keys (rancher-api.md §1): the access key is the user name, the secret key the
// password. Environment keys see one project, account keys all of them.

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(req: IncomingMessage): { user: string; password: string } | null {
  const header = req.headers.authorization;
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function authenticate(req: IncomingMessage, world: World): ApiKey {
  const credentials = basicCredentials(req);
  const key = credentials && world.apiKeys.find((k) => same(k.accessKey, credentials.user) && same(k.secretKey, credentials.password));
  if (!key) throw ApiError.http(401);
  return key;
}

/** Rancher asks browsers for a password, except on websocket upgrades and when told not to. */
export function wantsChallenge(req: IncomingMessage): boolean {
  const connection = String(req.headers.connection ?? '').toLowerCase();
  return !connection.includes('upgrade') && String(req.headers['x-api-no-challenge'] ?? '').toLowerCase() !== 'true';
}

/** The multi_project knob needs a second environment; it is created the first time it is asked for. */
function ensureSecondProject(world: World): void {
  if (world.projects.size > 1) return;
  const taken = [...world.projects.keys()].map((id) => Number(id.slice(2)));
  const id = `1a${Math.max(...taken) + 2}`;
  world.projects.set(id, projectRecord(id, 'sandbox', 'Second environment (multi_project fault)', Date.now()));
}

export function visibleProjects(world: World, key: ApiKey, faults: FaultState): ProjectRecord[] {
  if (faults.value.multi_project) ensureSecondProject(world);
  const all = [...world.projects.values()];
  return key.projectId === null || faults.value.multi_project ? all : all.filter((p) => p.id === key.projectId);
}

/** The project an unprefixed `/v2-beta/{type}` path means for this key. */
export function defaultProjectId(world: World, key: ApiKey): string {
  return key.projectId ?? world.projects.keys().next().value ?? '';
}
