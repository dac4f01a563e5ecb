import type { SimEngine } from '../engine/sim-engine';
import type { FaultState } from '../faults/faults';
import type { HostAccessTokens } from '../ws/host-access-tokens';
import type { World } from '../world/world';

/** What the HTTP and websocket handlers share. */
export interface ApiEnv {
  world: World;
  engine: SimEngine;
  faults: FaultState;
  tokens: HostAccessTokens;
  /** Resources with a change in flight; a second change meanwhile is a 409 Conflict. */
  busy: Set<string>;
}

export interface Reply {
  status: number;
  body: unknown;
}

/** An action's answer: 202 for a process, 200 for a handler; `output` replaces the resource when set. */
export interface ActionResult {
  status: 200 | 202;
  output: unknown;
}

export const accepted: ActionResult = { status: 202, output: null };
export const handled: ActionResult = { status: 200, output: null };
