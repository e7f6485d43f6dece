// Preload for a portal under the benchmark (issue 9): its CPU time per request, for the inbox page and inbox.list.
//   BENCH_PORTAL_NODE_ARGS="--import $PWD/scripts/bench/cpu-watch.mjs" node scripts/bench.mjs --only inbox …
// Counts requests per route through the diagnostics channel and samples process.cpuUsage() every 500 ms; writes
// <tmp>/utvag-cpu-<pid>.json: CPU ms per request for each route, over the intervals that served only that route
// (the benchmark measures one row at a time). CPU time still grows with the machine's load: compare medians.
import os from 'node:os';
import path from 'node:path';
import dc from 'node:diagnostics_channel';
import fs from 'node:fs';
const kindOf = (url) => (url === '/' ? 'page' : url.startsWith('/api/trpc/inbox.list') ? 'list' : 'other');
const counts = { page: 0, list: 0, other: 0 };
dc.subscribe('http.server.request.start', ({ request }) => { counts[kindOf(request.url)] += 1; });
const samples = [];
const take = () => { const c = process.cpuUsage(); samples.push({ cpu: (c.user + c.system) / 1000, ...counts }); };
take();
setInterval(take, 500).unref();
const write = () => {
  take();
  const per = { page: { cpu: 0, n: 0 }, list: { cpu: 0, n: 0 } };
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1], b = samples[i];
    const d = { page: b.page - a.page, list: b.list - a.list, other: b.other - a.other };
    for (const k of ['page', 'list']) {
      const others = Object.entries(d).filter(([x]) => x !== k).reduce((s, [, v]) => s + v, 0);
      if (d[k] > 0 && others === 0) { per[k].cpu += b.cpu - a.cpu; per[k].n += d[k]; }
    }
  }
  const out = Object.fromEntries(Object.entries(per).map(([k, v]) => [k, { requests: v.n, cpuMsPerRequest: v.n ? +(v.cpu / v.n).toFixed(2) : null }]));
  fs.writeFileSync(path.join(os.tmpdir(), `utvag-cpu-${process.pid}.json`), JSON.stringify({ argv: process.argv.slice(1), ...out }));
};
process.on('exit', write);
setInterval(write, 3000).unref();
