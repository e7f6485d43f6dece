// Starts a built portal as its own process, the way production runs it (adapter-node, NODE_ENV=production), and
// keeps everything it prints, so tests can read its JSON logs, signal it and see how it exits.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export type App = 'staff' | 'partner';

const appEntry = (app: App) => fileURLToPath(new URL(`../../../apps/${app}/build/index.js`, import.meta.url));

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

export interface RunningPortal {
  app: App;
  url: string;
  pid: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON lines printed so far, parsed (other lines skipped). */
  logLines(): Record<string, unknown>[];
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(name: NodeJS.Signals): void;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export async function startPortal(app: App, databaseUrl: string, env: Record<string, string> = {}): Promise<RunningPortal> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [appEntry(app)], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: url,
      UTVAG_DEMO: '1',
      SHUTDOWN_TIMEOUT: '8',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      UTVAG_PARENT_PID: String(process.pid),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const portal: RunningPortal = {
    app,
    url,
    pid: child.pid!,
    output: () => text,
    logLines: () =>
      text
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    exited,
    signal: (name) => void child.kill(name),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${app} portal exited early:\n${text}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the ${app} portal did not start:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return portal;
}
