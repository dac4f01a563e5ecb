import { afterAll, afterEach } from 'vitest';
import { takeMismatches, watchPortalResponses } from './openapi-conformance';

// Integration setup: every answer (and websocket text frame) a test receives from a portal it started
// must match /api/v1/openapi.json, so the document cannot drift from what the portal does.
watchPortalResponses();

async function failOnMismatches(): Promise<void> {
  const found = await takeMismatches();
  if (found.length === 0) return;
  const lines = found.map((m) => `  ${m.method} ${m.path} → ${m.status}: ${m.message}`);
  throw new Error(`Responses that do not match the OpenAPI document (lib/openapi):\n${lines.join('\n')}`);
}

afterEach(failOnMismatches);
afterAll(failOnMismatches);
