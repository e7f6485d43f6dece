// Follow-up (issue 8): the report and its exports for the municipality's own managers, and the regional view.
// Mounted in routers/staff.ts as `followUpReport` (`followUp` is the cases' commitment follow-up); permissions in
// permissions.ts (followUpReport.*, regionalReport.*).
import { figuresRecomputeSchema, reportExportSchema, reportQuerySchema } from '@utvag/domain';
import { exportReport } from '../follow-up/export-report.ts';
import { recomputeRegionalFigures, regionalReport } from '../follow-up/regional.ts';
import { municipalityReport, recomputeMunicipalityFigures } from '../follow-up/report.ts';
import { router, staffProcedure } from '../trpc.ts';

export const followUpRouter = router({
  /** On screen for the municipality's own staff: small numbers shown (issue 8: "<5" for anyone else). */
  get: staffProcedure('followUpReport.read')
    .input(reportQuerySchema)
    .query(({ ctx, input }) => municipalityReport(ctx, input, 'followUpReport.read', { suppress: false })),
  export: staffProcedure('followUpReport.export')
    .input(reportExportSchema)
    .query(({ ctx, input }) => exportReport(ctx, input, 'municipality', 'followUpReport.export')),
  /** Stored figures of a completed half-year computed again now (issue 9): whoever may read the report. */
  recompute: staffProcedure('followUpReport.recompute')
    .input(figuresRecomputeSchema)
    .mutation(({ ctx, input }) => recomputeMunicipalityFigures(ctx, input, 'followUpReport.recompute')),
  regional: staffProcedure('regionalReport.read')
    .input(reportQuerySchema)
    .query(({ ctx, input }) => regionalReport(ctx, input, 'regionalReport.read')),
  regionalExport: staffProcedure('regionalReport.export')
    .input(reportExportSchema)
    .query(({ ctx, input }) => exportReport(ctx, input, 'region', 'regionalReport.export')),
  /** The region's stored figures of a completed half-year computed again now (issue 9): the regional account. */
  regionalRecompute: staffProcedure('regionalReport.recompute')
    .input(figuresRecomputeSchema)
    .mutation(({ ctx, input }) => recomputeRegionalFigures(ctx, input, 'regionalReport.recompute')),
});
