// Process lifecycle of a portal server: close the database pool when adapter-node shuts down (otherwise it
// never exits, STACK.md trap 6), and exit when the launcher that started us is gone (kill -9 of `npm start`).
export function bindLifecycle(close: () => Promise<void>, env: Record<string, string | undefined>) {
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
