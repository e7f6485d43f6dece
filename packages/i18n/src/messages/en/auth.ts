import type { Catalog } from '../shape.ts';
import type { auth as sv } from '../sv/auth.ts';

export const auth = {
  title: 'Log in',
  intro: 'Log in with your email address and password.',
  email: 'Email address',
  password: 'Password',
  submit: 'Log in',
  failed: 'Wrong email address or password.',
  sessionExpiredDraft: 'You were inactive for too long and were signed out. What you wrote is saved as a draft – sign in again and it opens.',
  loggedOut: 'You are now logged out.',
  wrongPortalHint:
    'Social services and partners (police, probation service and schools) log in separately. Check that you are on the right web address.',
  mfa: {
    verifyTitle: 'Enter your one-time code',
    verifyIntro: 'Open the authenticator app on your phone and type the six-digit code. Without your phone you can use a recovery code.',
    enrolTitle: 'Protect your account with two-step verification',
    enrolIntro: 'Your account needs a second factor. Scan the QR code with an authenticator app (for example Microsoft Authenticator or FreeOTP) and type the code the app shows.',
    qrAlt: 'QR code for the authenticator app',
    secretLabel: 'Cannot scan? Type this key into the app:',
    code: 'Code',
    codeHint: 'Six digits from the app, or a recovery code.',
    submitVerify: 'Continue',
    submitEnrol: 'Turn on two-step verification',
    invalidCode: 'The code is wrong or has already been used. Wait for the next code in the app and try again.',
    notStarted: 'Start again: reload the page and scan the new QR code.',
    alreadyEnrolled: 'Two-step verification is already turned on for this account.',
    recoveryTitle: 'Save your recovery codes',
    recoveryIntro: 'Each code works once if you cannot reach the app. Print them or keep them safe. They are shown only now.',
    continue: 'I have saved the codes – continue',
  },
} satisfies Catalog<typeof sv>;
