// Preload for a portal under the benchmark (issue 9): what its resident memory is made of (heap, external, buffers).
//   BENCH_PORTAL_NODE_ARGS="--import $PWD/scripts/bench/memory-watch.mjs" node scripts/bench.mjs --only inbox …
// Samples process.memoryUsage() every 100 ms; writes <tmp>/utvag-memory-<pid>.json: the peaks, the figures at the
// RSS peak and a timeline (one sample a second: time, RSS, heap used, heap total, external; MB).
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
const peak = {};
const timeline = [];
let last = 0;
const mb = (v) => Math.round(v / 1048576);
const sample = () => {
  const m = process.memoryUsage();
  for (const [k, v] of Object.entries(m)) peak[k] = Math.max(peak[k] ?? 0, mb(v));
  if (mb(m.rss) >= (peak.rss ?? 0)) peak.atRssPeak = { t: Math.round(Date.now() / 1000), ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, mb(v)])) };
  if (Date.now() - last >= 1000) { last = Date.now(); timeline.push([Math.round(last / 1000), mb(m.rss), mb(m.heapUsed), mb(m.heapTotal), mb(m.external)]); }
};
setInterval(sample, 100).unref();
const write = () => fs.writeFileSync(path.join(os.tmpdir(), `utvag-memory-${process.pid}.json`), JSON.stringify({ argv: process.argv.slice(1), execArgv: process.execArgv, peak, timeline }));
process.on('exit', write);
setInterval(write, 2000).unref();
