// One catalog per locale, one file per namespace. The top-level keys are the namespaces: t('common.save').
import { auth as svAuth } from './sv/auth.ts';
import { common as svCommon } from './sv/common.ts';
import { enumLabels as svEnum } from './sv/enum.ts';
import { error as svError } from './sv/error.ts';
import { pages as svPages } from './sv/pages.ts';
import { partner as svPartner } from './sv/partner.ts';
import { staff as svStaff } from './sv/staff.ts';
import { validation as svValidation } from './sv/validation.ts';
import { auth as enAuth } from './en/auth.ts';
import { common as enCommon } from './en/common.ts';
import { enumLabels as enEnum } from './en/enum.ts';
import { error as enError } from './en/error.ts';
import { pages as enPages } from './en/pages.ts';
import { partner as enPartner } from './en/partner.ts';
import { staff as enStaff } from './en/staff.ts';
import { validation as enValidation } from './en/validation.ts';

const sv = {
  common: svCommon,
  validation: svValidation,
  error: svError,
  auth: svAuth,
  enum: svEnum,
  pages: svPages,
  staff: svStaff,
  partner: svPartner,
};

const en = {
  common: enCommon,
  validation: enValidation,
  error: enError,
  auth: enAuth,
  enum: enEnum,
  pages: enPages,
  staff: enStaff,
  partner: enPartner,
};

export type Messages = typeof sv;
export const messages = { sv, en } as const;
