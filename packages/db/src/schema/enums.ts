// PostgreSQL enums built from the domain's value lists, so the database refuses a value the domain does not know.
import { pgEnum } from 'drizzle-orm/pg-core';
import {
  applicants,
  guardiansInformedOptions,
  intakeChannels,
  intakeSources,
  organisationTypes,
  programmeCodes,
  referralKinds,
  referralStatuses,
  roles,
  triageDecisions,
  urgencies,
} from '@utvag/domain';

export const organisationType = pgEnum('organisation_type', organisationTypes);
export const userRole = pgEnum('user_role', roles);
export const userKind = pgEnum('user_kind', ['staff', 'partner']);
export const referralKind = pgEnum('referral_kind', referralKinds);
export const referralStatus = pgEnum('referral_status', referralStatuses);
export const urgency = pgEnum('urgency', urgencies);
export const triageDecision = pgEnum('triage_decision', triageDecisions);
export const programme = pgEnum('programme', programmeCodes);
export const caseStatus = pgEnum('case_status', ['open', 'closed']);
export const intakeChannel = pgEnum('intake_channel', intakeChannels);
export const applicant = pgEnum('applicant', applicants);
export const guardiansInformed = pgEnum('guardians_informed', guardiansInformedOptions);
export const intakeSource = pgEnum('intake_source', intakeSources);
export const auditOutcome = pgEnum('audit_outcome', ['allowed', 'denied']);
