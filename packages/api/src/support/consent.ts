// The one place that says whether a case's consent covers a partner organisation (DOMAIN.md §9.3, §10:
// disclosure to a partner needs a basis, and the person's consent is the one network meetings rest on).
// Every partner invitation and every partner read of a meeting asks here.
//
// The answer comes from the consent register (issue 6 item 4, `case_consent`): an active, unrevoked consent for
// the organisation within its dates, for the purpose when one is named. Revoking a consent cuts access at once,
// since nothing is cached: the SQL function `case_consent_covers` is asked on every read.
import { caseConsentCovers, type Tx } from '@utvag/db';
import type { ConsentPurpose } from '@utvag/domain';

export async function consentCovers(
  tx: Tx,
  q: { municipalityId: string; caseId: string; organisationId: string; purpose?: ConsentPurpose },
): Promise<boolean> {
  // The SQL function scopes by the transaction's municipality itself; the municipality is named here for readers.
  void q.municipalityId;
  return caseConsentCovers(tx, { caseId: q.caseId, organisationId: q.organisationId, purpose: q.purpose });
}
