import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/log/logger';
import { policyCheckPool } from '@/lib/policy-worker/policy-check-pool';
import { WorkerPoolClosedError } from '@/lib/policy-worker/worker-pool';
import { createPortalServer } from './portal-server';

const log = createLogger({ level: 'silent', destination: new Writable({ write: (_chunk, _enc, done) => done() }) });

describe('policy worker threads of the portal server', () => {
  it('are provided by the server, start with the first check and stop when the server drains', async () => {
    const portal = createPortalServer({ log, handle: (_req, res) => void res.end(), routes: [], allowedOrigins: [], trustProxy: 0 });
    await portal.listen(0, '127.0.0.1');
    const pool = policyCheckPool();
    expect(pool.stats().workers).toBe(0);

    const outcome = await pool.run({ compose: "version: '2'\nservices:\n  web:\n    image: nginx:1.15\n    privileged: true\n" });
    expect(outcome).toMatchObject({ kind: 'checked', summary: { errors: 1 } });
    expect(pool.stats().workers).toBe(1);

    await portal.close();
    expect(pool.stats().workers).toBe(0);
    await expect(pool.run({ stackName: 'foo-jgi-doe' })).rejects.toBeInstanceOf(WorkerPoolClosedError);
  });
});
