#!/usr/bin/env node
// `npm run restore -- --from <file>`: restores a backup made by `npm run backup` into the EMPTY database named by
// DATABASE_URL (create it first), in one transaction. Then check it: `npm run audit:verify` with the same URL.
import { ensureInstalled, importTs, loadDotEnv, redactUrl } from './lib/common.mjs';

loadDotEnv();
const url = process.env.DATABASE_URL;
const args = process.argv.slice(2);
const at = args.indexOf('--from');
const file = at >= 0 ? args[at + 1] : undefined;
if (!url || !file) {
  console.error('Usage: DATABASE_URL=<an empty database> npm run restore -- --from <file made by npm run backup>');
  process.exit(2);
}
await ensureInstalled(() => {});
const { restoreDatabase } = await importTs('packages/db/src/backup.ts');
try {
  const result = await restoreDatabase(url, file);
  console.log(`Restored ${file} into ${redactUrl(url)} in ${result.seconds.toFixed(1)} s (${result.tool}).`);
} catch (error) {
  console.error(`Restore failed: ${error.stderr?.trim() || error.message}`);
  process.exit(1);
}
