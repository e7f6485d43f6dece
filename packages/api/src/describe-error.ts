// Turns any error a procedure throws into what a person is told: an HTTP status, a translated message and
// translated messages per field. Used by the HTTP error formatter and by the portals' form actions, so the
// same input gets the same Swedish (or English) message either way.
import type { TRPCError } from '@trpc/server';
import { issueToMessage } from '@utvag/domain';
import { getTranslator, type Locale } from '@utvag/i18n';
import { AppError, type FieldErrors } from './errors.ts';

export interface ErrorDescription {
  httpStatus: number;
  messageKey: string;
  message: string;
  fieldErrors?: Record<string, string>;
}

type Issue = Parameters<typeof issueToMessage>[0];

function issuesOf(cause: unknown): Issue[] | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as Issue[]) : undefined;
}

function fieldErrorsOf(issues: Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const mapped = issueToMessage(issue);
    out[mapped.path] ??= { key: mapped.key, ...(mapped.params ? { params: mapped.params } : {}) };
  }
  return out;
}

const byTrpcCode: Partial<Record<TRPCError['code'], [number, string]>> = {
  BAD_REQUEST: [400, 'error.badRequest'],
  UNAUTHORIZED: [401, 'error.unauthorized'],
  FORBIDDEN: [403, 'error.forbidden'],
  NOT_FOUND: [404, 'error.notFound'],
  CONFLICT: [409, 'error.conflict'],
  TOO_MANY_REQUESTS: [429, 'error.rateLimited'],
  PRECONDITION_FAILED: [412, 'security.stepUp.required'],
};

export function describeError(error: { code?: string; cause?: unknown }, locale: Locale): ErrorDescription {
  const translate = getTranslator(locale);
  const cause = error.cause;
  let [httpStatus, messageKey] = byTrpcCode[error.code as TRPCError['code']] ?? [500, 'error.internal'];
  let fieldErrors: FieldErrors | undefined;
  let params: Record<string, unknown> | undefined;
  const issues = issuesOf(cause);
  if (cause instanceof AppError) {
    messageKey = cause.messageKey;
    fieldErrors = cause.fieldErrors;
    if (cause.params) {
      params = Object.fromEntries(
        Object.entries(cause.params).map(([k, v]) => [k, Array.isArray(v) ? v.map((key) => translate(key)).join(', ') : v]),
      );
    }
  } else if (error.code === 'BAD_REQUEST' && issues) {
    fieldErrors = fieldErrorsOf(issues);
  }
  return {
    httpStatus,
    messageKey,
    message: translate(messageKey, params),
    ...(fieldErrors
      ? { fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([p, e]) => [p, translate(e.key, e.params)])) }
      : {}),
  };
}
