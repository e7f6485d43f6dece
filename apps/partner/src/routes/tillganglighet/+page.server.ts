// The accessibility statement and its report form (issue 4 item 5): public, works without JavaScript.
import { createCallerFactory, partnerRouter } from '@utvag/api';
import { accessibilityReportAction, accessibilityStatementLoad } from '@utvag/portal-kit/server';

const createCaller = createCallerFactory(partnerRouter);

export const load = accessibilityStatementLoad;

export const actions = {
  default: accessibilityReportAction((ctx, input) => createCaller(ctx).accessibilityReport.submit(input as never)),
};
