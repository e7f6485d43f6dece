#!/usr/bin/env node
// `npm run backup [-- --out <file>]`: a consistent snapshot of the database named by DATABASE_URL, with pg_dump's
// custom format. Default file: backups/utvag-<UTC time>.dump. docs/scaling.md says how often and where to keep it.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled, importTs, loadDotEnv, redactUrl, repoRoot } from './lib/common.mjs';

loadDotEnv();
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: name the database to back up (npm start prints the embedded one).');
  process.exit(2);
}
const args = process.argv.slice(2);
const at = args.indexOf('--out');
const stamp = new Date().toISOString().replaceAll(':', '').replace(/\.\d+Z$/, 'Z');
const file = path.resolve(at >= 0 && args[at + 1] ? args[at + 1] : path.join(repoRoot, 'backups', `utvag-${stamp}.dump`));
fs.mkdirSync(path.dirname(file), { recursive: true });
await ensureInstalled(() => {});
const { backupDatabase } = await importTs('packages/db/src/backup.ts');
try {
  const result = await backupDatabase(url, file);
  console.log(
    `Backup of ${redactUrl(url)} written to ${result.file} (${(result.bytes / 1e6).toFixed(1)} MB in ${result.seconds.toFixed(1)} s, ${result.tool}).`,
  );
} catch (error) {
  console.error(`Backup failed: ${error.stderr?.trim() || error.message}`);
  process.exit(1);
}
