// Structured logs: one JSON line per event (pino), a child per request carrying its id.
// Never pass personal data (names, identity numbers, free text, addresses) into it. As a second line of defence,
// fields whose names suggest personal data or secrets are censored wherever they appear (`redactedFields`).
import pino, { type DestinationStream } from 'pino';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Field names censored at the top level and one level down (pino's redaction paths). */
export const redactedFields = [
  'name',
  'firstName',
  'lastName',
  'identityNumber',
  'email',
  'phone',
  'address',
  'clientAddress',
  'ip',
  'password',
  'token',
  'cookie',
  'authorization',
  'secret',
  'reason',
  'person',
  'contact',
  'input',
  'body',
  'url',
  'query',
  'detail',
];

const redactPaths = redactedFields.flatMap((field) => [field, `*.${field}`]);

function wrap(base: pino.Logger): Logger {
  return {
    info: (event, fields) => base.info({ event, ...fields }),
    warn: (event, fields) => base.warn({ event, ...fields }),
    error: (event, fields) => base.error({ event, ...fields }),
    child: (fields) => wrap(base.child(fields)),
  };
}

/**
 * @param level pino's levels (`info`, `warn`, `error`, `silent`, …); default LOG_LEVEL or `info`
 * @param destination where lines go (tests pass a stream); default stdout
 */
export function createLogger(
  base: Record<string, unknown> = {},
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  const logger = pino(
    {
      level,
      base,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination,
  );
  return wrap(logger);
}
