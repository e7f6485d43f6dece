// Process lifecycle of a portal server.
// - SIGTERM/SIGINT: adapter-node stops accepting connections, lets in-flight requests finish (SHUTDOWN_TIMEOUT)
//   and then emits `sveltekit:shutdown`; we close the database pool there, so the process exits by itself with
//   code 0 (an open pool would keep it alive, STACK.md trap 6). /readyz answers 503 from the signal on, so a load
//   balancer stops sending new work at once. A backstop exits with 1 if draining takes longer than
//   `shutdownBackstopMs` (the 10 s limit; adapter-node's own default wait is 30 s).
// - Exit when the launcher that started us is gone (kill -9 of `npm start`).
let draining = false;

export const isDraining = () => draining;

export const shutdownBackstopMs = 10_000;

export function bindLifecycle(close: () => Promise<void>, env: Record<string, string | undefined>) {
  const startDraining = () => {
    if (draining) return;
    draining = true;
    setTimeout(() => process.exit(1), shutdownBackstopMs).unref();
  };
  process.once('SIGTERM', startDraining);
  process.once('SIGINT', startDraining);
  process.once('sveltekit:shutdown' as NodeJS.Signals, () => void close());
  const parent = Number(env.UTVAG_PARENT_PID);
  if (Number.isInteger(parent) && parent > 0) {
    const timer = setInterval(() => {
      try {
        process.kill(parent, 0);
      } catch {
        process.exit(0);
      }
    }, 2000);
    timer.unref();
  }
}

/** Creates a value on first use: SvelteKit imports server modules while building, when there is no database. */
export function lazy<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= create());
}
