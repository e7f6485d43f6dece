// One error type for everything a person can be told about. Code paths throw AppError with an i18n key;
// trpc.ts maps the code to a tRPC code and translates the key once.
export const appErrorCodes = ['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'PRECONDITION_FAILED'] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export type FieldErrors = Record<string, { key: string; params?: Record<string, unknown> }>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly messageKey: string,
    readonly fieldErrors?: FieldErrors,
    /** Values for the message's {{placeholders}}; a list of i18n keys is translated and joined. */
    readonly params?: Record<string, string | number | string[]>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'error.notFound');
export const forbidden = () => new AppError('FORBIDDEN', 'error.forbidden');
export const conflict = () => new AppError('CONFLICT', 'error.conflict');
export const invalidTransition = () => new AppError('CONFLICT', 'error.invalidTransition');
/** The same idempotency key with a different body: a clear refusal, never the first receipt (issue 5). */
export const idempotencyKeyReused = () => new AppError('CONFLICT', 'error.idempotencyKeyReused');
export const draftSourceMismatch = () => new AppError('CONFLICT', 'error.draftSourceMismatch');
