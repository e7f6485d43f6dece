// Refusals of support work that a person is told about, with the field they concern.
import { AppError } from '../errors.ts';

/** An intervention must name a signed decision of its own case that grants support (issue 7 "bad input"). */
export const decisionNotGranting = () =>
  new AppError('BAD_REQUEST', 'support.error.decisionNotGranting', { decisionId: { key: 'support.error.decisionNotGranting' } });
export const unknownCatalogueEntry = (field: 'interventionTypeId' | 'providerId') =>
  new AppError('BAD_REQUEST', 'support.error.unknownCatalogueEntry', { [field]: { key: 'support.error.unknownCatalogueEntry' } });
/** A partner invitation the case's consent does not cover: nothing is written. */
export const consentDoesNotCover = (field = 'inviteeIds') =>
  new AppError('BAD_REQUEST', 'support.error.consentDoesNotCover', { [field]: { key: 'support.error.consentDoesNotCover' } });
export const unknownInvitee = (field = 'inviteeIds') =>
  new AppError('BAD_REQUEST', 'support.error.unknownInvitee', { [field]: { key: 'support.error.unknownInvitee' } });
export const unknownPlanItem = () => new AppError('NOT_FOUND', 'support.error.unknownPlanItem');
export const organisationNotInvited = () =>
  new AppError('BAD_REQUEST', 'support.error.organisationNotInvited', { organisationIds: { key: 'support.error.organisationNotInvited' } });
