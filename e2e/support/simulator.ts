/** The demo environment's API on the simulator, and the demo key's Basic authorization. */
function simulatorApi(): { base: string; authorization: string } {
  const port = process.env.E2E_SIM_PORT;
  if (!port) throw new Error('E2E_SIM_PORT is set by playwright.config.ts');
  return { base: `http://127.0.0.1:${port}/v2-beta/projects/1a5`, authorization: `Basic ${Buffer.from('SPINDEMOACCESSKEY:spin-demo-secret').toString('base64')}` };
}

/** Calls the demo simulator directly, as Rancher's own UI or CLI would, behind the portal's back. */
export async function simulatorAction(path: string, action: string, body: unknown = {}): Promise<void> {
  const { base, authorization } = simulatorApi();
  const res = await fetch(`${base}/${path}/?action=${action}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${action} on ${path}: ${res.status} ${await res.text()}`);
}

/** Reads a resource from the demo simulator directly. */
export async function simulatorGet(path: string): Promise<Record<string, unknown>> {
  const { base, authorization } = simulatorApi();
  const res = await fetch(`${base}/${path}`, { headers: { authorization } });
  if (!res.ok) throw new Error(`simulator GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
