// @utvag/api: the tRPC routers, the context, authentication and every permission.
export { createContext, type Context, type SessionUser, type StaffUser, type PartnerUser } from './context.ts';
export { createCallerFactory } from './trpc.ts';
export { staffRouter, type StaffRouter } from './routers/staff.ts';
export { partnerRouter, type PartnerRouter } from './routers/partner.ts';
export { logIn, logOut, passwordProvider, type Portal } from './auth/login.ts';
export {
  startSession,
  type AuthenticatedAccount,
  type CredentialsLoginProvider,
  type LoginProvider,
  type LoginResult,
  type RedirectLoginProvider,
} from './auth/login-provider.ts';
export { oidcProvider, oidcSettingsFromEnv, isStrongSignIn, type OidcProvider, type OidcSettings, type OidcTransaction } from './auth/oidc.ts';
export { beginOidcStepUp, canStepUpAtProvider, completeOidcStepUp, OidcStepUpRefused } from './auth/oidc-step-up.ts';
export { expiredSessionUser, resolveSession } from './auth/session.ts';
export { createLoginLimits, loginLimitPolicy, type LoginLimits } from './auth/login-limits.ts';
export { sessionPolicyFromEnv, type SessionPolicy } from './auth/session-policy.ts';
export { AppError } from './errors.ts';
export { permissions, publicActions, isAllowed, type Action } from './permissions.ts';
export { accessibilityReportLimitPolicy } from './accessibility/reports.ts';
export { createLogger, type Logger } from './logger.ts';
export { describeError, type ErrorDescription } from './describe-error.ts';
export { startTotpEnrolment, confirmTotpEnrolment, verifySecondFactor, enrolPasskeyAtLogin, hasConfirmedTotp, hasSecondFactor, hasPasskey, type Enrolment } from './auth/mfa.ts';
export { passkeyAuthenticationOptions, passkeyRegistrationOptions, webauthnSettingsFromEnv, type WebauthnSettings } from './auth/passkeys.ts';
export { createSecretBox, secretBoxFromEnv, type SecretBox } from './auth/secret-box.ts';
export { saveOwnDraft } from './referrals/drafts.ts';
export { stepUp, hasFreshStepUp } from './auth/step-up.ts';
export { sessionIdOf } from './auth/tokens.ts';
export { testOnlySwitchAllowed } from './context.ts';
export { proposeRetentionRuns } from './retention/runs.ts';
