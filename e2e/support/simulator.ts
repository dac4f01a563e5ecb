/** Calls the demo simulator directly, as Rancher's own UI or CLI would, behind the portal's back. */
export async function simulatorAction(path: string, action: string, body: unknown = {}): Promise<void> {
  const port = process.env.E2E_SIM_PORT;
  if (!port) throw new Error('E2E_SIM_PORT is set by playwright.config.ts');
  const auth = Buffer.from('SPINDEMOACCESSKEY:spin-demo-secret').toString('base64');
  const res = await fetch(`http://127.0.0.1:${port}/v2-beta/projects/1a5/${path}/?action=${action}`, {
    method: 'POST',
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator ${action} on ${path}: ${res.status} ${await res.text()}`);
}
