// A small structured logger: one JSON line per event, a child per request carrying its id.
// Never pass personal data (names, identity numbers, free text) into it.
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

type Level = 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { info: 0, warn: 1, error: 2, silent: 3 };

export function createLogger(base: Record<string, unknown> = {}, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const threshold = order[level as Level] ?? 0;
  const write = (lvl: Level, event: string, fields?: Record<string, unknown>) => {
    if (order[lvl] < threshold) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: lvl, event, ...base, ...fields });
    (lvl === 'error' ? process.stderr : process.stdout).write(line + '\n');
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    child: (fields) => createLogger({ ...base, ...fields }, level),
  };
}
