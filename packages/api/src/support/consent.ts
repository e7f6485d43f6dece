// The one place that says whether a case's consent covers a partner organisation (DOMAIN.md §9.3, §10:
// disclosure to a partner needs a basis, and the person's consent is the one network meetings rest on).
// Every partner invitation and every partner read of a meeting asks here, so the consent register of a later
// issue is wired in by changing this function (and the SQL function it calls) only.
//
// Until that register exists, the only recorded consent is the referral's: a person who consented to contact
// through the organisation that referred them. So the interim answer is: covered when the case was opened from
// that organisation's referral and the referral records consent; every other organisation is refused.
import { caseConsentCovers, type Tx } from '@utvag/db';

export async function consentCovers(tx: Tx, q: { municipalityId: string; caseId: string; organisationId: string }): Promise<boolean> {
  // The SQL function scopes by the transaction's municipality itself; the municipality is named here for readers.
  void q.municipalityId;
  return caseConsentCovers(tx, { caseId: q.caseId, organisationId: q.organisationId });
}
