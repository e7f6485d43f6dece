// Starts both built portals against a test database on free ports, the way `npm start` runs them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const appEntry = (app: 'staff' | 'partner') =>
  fileURLToPath(new URL(`../../../apps/${app}/build/index.js`, import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Portal {
  url: string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`portal exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`portal did not become healthy:\n${output()}`);
}

export async function startPortal(
  app: 'staff' | 'partner',
  databaseUrl: string,
  demo = true,
  /** A port chosen beforehand (when the URL must be known first) and extra environment (e.g. OIDC_*). */
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<Portal> {
  const port = options.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [appEntry(app)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: url,
      UTVAG_DEMO: demo ? '1' : '0',
      SHUTDOWN_TIMEOUT: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      UTVAG_PARENT_PID: String(process.pid),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await waitForHealth(url, child, () => log);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
