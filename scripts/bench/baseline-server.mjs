// The benchmark's two minimal node:http servers, each in its own process (so autocannon does not share its event
// loop): `inbox` does exactly the inbox procedure's database work per request (inbox-work.mjs); `json` answers a
// small JSON without any database (the ceiling of any Node web stack on this machine).
//   node scripts/bench/baseline-server.mjs <inbox|json> <port>     (DATABASE_URL for inbox; pool as the apps: 10)
import http from 'node:http';
import { postgres } from './data.mjs';
import { inboxWork } from './inbox-work.mjs';

const [mode, port] = process.argv.slice(2);
const parent = Number(process.env.UTVAG_PARENT_PID);
if (parent > 0) {
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 2000).unref();
}

let handler;
if (mode === 'json') {
  const body = JSON.stringify({ status: 'ok' });
  handler = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
} else if (mode === 'inbox') {
  const sql = postgres(process.env.DATABASE_URL, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
  const inbox = inboxWork(sql);
  handler = async (req, res) => {
    const token = /(?:^|;\s*)utvag_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    try {
      const result = token ? await inbox(decodeURIComponent(token)) : null;
      if (!result) {
        res.writeHead(401).end();
        return;
      }
      const body = JSON.stringify({ result: { data: result } });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500).end(String(error?.message ?? error));
    }
  };
} else {
  console.error('usage: baseline-server.mjs <inbox|json> <port>');
  process.exit(2);
}

http.createServer(handler).listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => process.exit(0));
