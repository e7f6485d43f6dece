// PostgreSQL enums built from the domain's value lists, so the database refuses a value the domain does not know.
import { pgEnum } from 'drizzle-orm/pg-core';
import {
  applicants,
  caseStatuses,
  caseTaskKinds,
  closingOutcomes,
  criterionCodes,
  criterionStates,
  decisionOutcomes,
  decisionStages,
  drugTestResults,
  followUpKinds,
  genders,
  terminationReasons,
  guardiansInformedOptions,
  intakeChannels,
  intakeSources,
  investigationOutcomes,
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
export const caseStatus = pgEnum('case_status', caseStatuses);
export const intakeChannel = pgEnum('intake_channel', intakeChannels);
export const applicant = pgEnum('applicant', applicants);
export const guardiansInformed = pgEnum('guardians_informed', guardiansInformedOptions);
export const intakeSource = pgEnum('intake_source', intakeSources);
export const auditOutcome = pgEnum('audit_outcome', ['allowed', 'denied']);
// Issue 6, the case lifecycle.
export const gender = pgEnum('gender', genders);
export const closingOutcome = pgEnum('closing_outcome', closingOutcomes);
export const terminationReason = pgEnum('termination_reason', terminationReasons);
export const criterion = pgEnum('criterion', criterionCodes);
export const criterionState = pgEnum('criterion_state', criterionStates);
export const decisionStage = pgEnum('decision_stage', decisionStages);
export const decisionOutcome = pgEnum('decision_outcome', decisionOutcomes);
export const followUpKind = pgEnum('follow_up_kind', followUpKinds);
export const drugTestResult = pgEnum('drug_test_result', drugTestResults);
export const caseTaskKind = pgEnum('case_task_kind', caseTaskKinds);
export const investigationOutcome = pgEnum('investigation_outcome', investigationOutcomes);
