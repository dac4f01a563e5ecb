// `npm run audit:verify [-- --json]`: recomputes the hash chain of the configured audit store
// (DATABASE_URL, else SQLITE_PATH, else <DATA_DIR>/spin-portal.db) and names the first broken row.
// Exit 0: intact. Exit 1: broken. Exit 2: could not check (bad configuration, no database).
import './register-server-only-stub';
import { existsSync } from 'node:fs';
import { openAuditStore } from '../lib/audit/open-audit-store';
import { redactText } from '../lib/domain/audit/redact-secrets';
import { databaseLocation } from '../lib/config/database-env';

async function main(): Promise<number> {
  const asJson = process.argv.includes('--json');
  const location = databaseLocation();
  const where = location.databaseUrl ? redactText(location.databaseUrl) : (location.sqlitePath ?? '');
  if (location.sqlitePath && location.sqlitePath !== ':memory:' && !existsSync(location.sqlitePath)) {
    console.error(`audit:verify: no audit database at ${where} (set SQLITE_PATH, DATA_DIR or DATABASE_URL)`);
    return 2;
  }
  const store = await openAuditStore(location, { migrate: false });
  try {
    const verdict = await store.verify();
    if (asJson) {
      console.log(JSON.stringify({ store: where, ...verdict }));
    } else if (verdict.ok) {
      console.log(`audit chain intact: ${verdict.rows} rows in ${where}, head ${verdict.headHash}`);
    } else {
      console.log(`audit chain BROKEN in ${where}`);
      console.log(`  first broken row: #${verdict.firstBrokenSeq}${verdict.firstBrokenId ? ` (id ${verdict.firstBrokenId})` : ''}`);
      console.log(`  reason: ${verdict.reason}`);
    }
    return verdict.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit:verify: could not check the audit store: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
