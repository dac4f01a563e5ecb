// A second portal process for concurrency tests: writes events into the audit store at the location given
// as JSON in argv[2] (`{ "sqlitePath": ... }` or `{ "databaseUrl": ... }`), argv[3] of them in rounds of
// 30 at once with a 20 ms pause between rounds (so the other writer gets the lock in between), then exits.
// (No top-level await: without "type": "module", tsx compiles this file to CommonJS.)
import '../../scripts/register-server-only-stub';
import { openAuditStore } from '@/lib/audit/open-audit-store';

async function main(): Promise<void> {
  const location = JSON.parse(process.argv[2] ?? '{}') as { sqlitePath?: string; databaseUrl?: string };
  const count = Number(process.argv[3] ?? '10');
  const store = await openAuditStore(location);
  try {
    for (let start = 0; start < count; start += 30) {
      await Promise.all(
        Array.from({ length: Math.min(30, count - start) }, async (_, k) => {
          const i = start + k;
          if (i % 3) {
            await store.record({ actor: `writer${i}`, action: 'logs.open', outcome: 'ok' });
          } else {
            const intent = await store.begin({ actor: `writer${i}`, action: 'service.restart' });
            await intent.complete({ outcome: 'ok' });
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
