#!/usr/bin/env node
// `npm run audit:verify`: walks the audit log's hash chain in the database named by DATABASE_URL.
// Exit 0 when intact; exit 1 naming the first broken entry (its id and what is wrong with it).
import { ensureInstalled, importTs, loadDotEnv } from './lib/common.mjs';

loadDotEnv();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: name the database to verify (npm start prints the embedded one).');
  process.exit(2);
}
await ensureInstalled(() => {});
const { createDatabase, verifyAuditChain } = await importTs('packages/db/src/index.ts');
const handle = createDatabase(url, { max: 1 });
try {
  const verdict = await verifyAuditChain(handle.db);
  if (verdict.ok) {
    console.log(`Audit log intact: ${verdict.entries} entries in ${verdict.chains} chains verified.`);
  } else {
    console.error(`Audit log broken at entry id ${verdict.brokenId} (${verdict.reason}); ${verdict.entries} entries before it verified.`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
